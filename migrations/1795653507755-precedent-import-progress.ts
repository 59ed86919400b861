import { MigrationInterface, QueryRunner } from 'typeorm';

/** Precedent imports record their counts, first problems and start as they run, so a page can follow one and a failed one keeps its report. */
export class ImportProgress1795653507755 implements MigrationInterface {
  name = 'ImportProgress1795653507755';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analytics_jobs" ADD "records_read" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "analytics_jobs" ADD "records_imported" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "analytics_jobs" ADD "records_updated" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "analytics_jobs" ADD "records_rejected" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "analytics_jobs" ADD "problems" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" ADD "started_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_analytics_jobs_kind_requested" ON "analytics_jobs"  ("kind", "requested_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_analytics_jobs_kind_requested"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "started_at"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "problems"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "records_rejected"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "records_updated"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "records_imported"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "records_read"`);
  }
}
