import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analytics jobs that survive their worker: the checkpoint an import resumes from, the run that owns
 * the job, its heartbeat (a running job whose heartbeat stops has lost its worker), and how often a
 * run was interrupted.
 */
export class ReliabilityAnalyticsJobCheckpoints1795670000000 implements MigrationInterface {
  name = 'ReliabilityAnalyticsJobCheckpoints1795670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analytics_jobs" ADD "checkpoint" jsonb`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" ADD "run_token" uuid`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" ADD "interruptions" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "interruptions"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "heartbeat_at"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "run_token"`);
    await queryRunner.query(`ALTER TABLE "analytics_jobs" DROP COLUMN "checkpoint"`);
  }
}
