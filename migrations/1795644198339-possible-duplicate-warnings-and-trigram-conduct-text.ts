import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Possible duplicates at intake: a warning row for each side of a pair of cases (the same subject with
 * overlapping dates, or near-identical conduct text), and a trigram index on conduct items' text so the
 * near-identical search (pg_trgm `%`) reads the index instead of every item.
 */
export class PossibleDuplicateWarningsAndTrigramConductText1795644198339 implements MigrationInterface {
  name = 'PossibleDuplicateWarningsAndTrigramConductText1795644198339';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_duplicate_warnings" ("case_id" uuid NOT NULL, "other_case_id" uuid NOT NULL, "kind" text NOT NULL, "reason" text NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_case_duplicate_warnings" PRIMARY KEY ("case_id", "other_case_id", "kind"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_duplicate_warnings_other" ON "case_duplicate_warnings"  ("other_case_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conduct_items_text_trgm" ON "conduct_items" USING gin ("text" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_conduct_items_text_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_duplicate_warnings_other"`);
    await queryRunner.query(`DROP TABLE "case_duplicate_warnings"`);
  }
}
