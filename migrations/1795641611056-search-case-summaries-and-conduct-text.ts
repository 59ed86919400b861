import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over case summaries and conduct items' text. The `precedent_search` configuration
 * is English (stemming, stop words) with accents removed first, so "cafe" finds "Café" and "COMMENT"
 * finds "comments". The GIN indexes are on the same expressions the case list queries, so a search
 * stays an index lookup at 100,000 cases and 300,000 conduct items. Expression indexes are written
 * here by hand: TypeORM cannot declare them, and it does not see them when it compares schemas.
 */
export class SearchCaseSummariesAndConductText1795641611056 implements MigrationInterface {
  name = 'SearchCaseSummariesAndConductText1795641611056';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION precedent_search (COPY = english)`);
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION precedent_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_summary_search" ON "cases" USING gin (to_tsvector('precedent_search', "summary"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conduct_items_text_search" ON "conduct_items" USING gin (to_tsvector('precedent_search', "text"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_conduct_items_text_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_summary_search"`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION precedent_search`);
  }
}
