import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hearings: duration for time-interval conflicts, reg 33/34 dates and extensions, reg 49 certifier; panel members: force and part-day unavailability. */
export class HearingTimesLimitsAndChairs1795653706722 implements MigrationInterface {
  name = 'HearingTimesLimitsAndChairs1795653706722';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hearings" ADD "duration_minutes" integer`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "chair_date" date`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "time_limit_extension_reason" text`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "chair_documents_supplied_on" date`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "pre_hearing_chair_date" date`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "pre_hearing_on" date`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "pre_hearing_starts_at" text`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "pre_hearing_extension_reason" text`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "certified_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "hearings" ADD "certified_by_panel_member_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "hearings" ADD "chief_officer_interested_party" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "panel_members" ADD "force" text`);
    await queryRunner.query(
      `ALTER TABLE "panel_members" ADD "unavailable_periods" jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "panel_members" DROP COLUMN "unavailable_periods"`);
    await queryRunner.query(`ALTER TABLE "panel_members" DROP COLUMN "force"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "chief_officer_interested_party"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "certified_by_panel_member_id"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "certified_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "pre_hearing_extension_reason"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "pre_hearing_starts_at"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "pre_hearing_on"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "pre_hearing_chair_date"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "chair_documents_supplied_on"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "time_limit_extension_reason"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "chair_date"`);
    await queryRunner.query(`ALTER TABLE "hearings" DROP COLUMN "duration_minutes"`);
  }
}
