import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the case list's filters and order, so they stay fast at 100,000 cases: received date
 * (range and newest-first order), Standards on allegations and categories on conduct items (GIN, for
 * `@>` on the arrays), and platform with case_id so the platform filter reads only the index.
 */
export class IndexCaseListFilters1795641596263 implements MigrationInterface {
  name = 'IndexCaseListFilters1795641596263';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_cases_received" ON "cases"  ("received_at", "reference") `);
    await queryRunner.query(
      `CREATE INDEX "ix_case_allegations_standards" ON "case_allegations" USING gin ("standards") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conduct_items_categories" ON "conduct_items" USING gin ("categories") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conduct_items_platform" ON "conduct_items"  ("platform", "case_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_conduct_items_platform"`);
    await queryRunner.query(`DROP INDEX "public"."ix_conduct_items_categories"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_allegations_standards"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_received"`);
  }
}
