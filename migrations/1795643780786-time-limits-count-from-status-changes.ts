import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time limits per case: when a case entered its current status (some limits run from it; existing
 * cases take their latest transition, or their recording), and an index for the list of open
 * investigations that need the 12-month report to the local policing body.
 */
export class TimeLimitsCountFromStatusChanges1795643780786 implements MigrationInterface {
  name = 'TimeLimitsCountFromStatusChanges1795643780786';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(
      `UPDATE "cases" c SET "status_changed_at" = COALESCE(
         (SELECT max(e."at") FROM "case_events" e WHERE e."case_id" = c."id" AND e."to_status" IS NOT NULL),
         c."created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_status_attention" ON "cases"  ("status", "came_to_attention_on") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_status_attention"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "status_changed_at"`);
  }
}
