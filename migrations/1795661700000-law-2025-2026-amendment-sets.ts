import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 2024-2026 changes to the conduct rules (docs/domain.md, "Dated changes"): the amendment set
 * in force is stored on each case (the day received) and each outcome (the day decided); the
 * allegation records when the conduct happened and which use-of-force test applies; the severity
 * assessment may refer to vetting; the College of Policing list referral is recorded when made.
 * Existing rows get the set in force on their own day, worked out from the same dates.
 */
export class LawAmendmentSets1795661700000 implements MigrationInterface {
  name = 'LawAmendmentSets1795661700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const setOn = (column: string) => `CASE
        WHEN ${column} >= DATE '2026-06-30' THEN 'use_of_force_2026'
        WHEN ${column} >= DATE '2025-05-28' THEN 'conduct_2025'
        WHEN ${column} >= DATE '2025-05-14' THEN 'vetting_2025'
        WHEN ${column} >= DATE '2024-05-07' THEN 'panel_2024'
        ELSE 'none' END`;
    await queryRunner.query(`ALTER TABLE "cases" ADD "amendment_set" text NOT NULL DEFAULT 'none'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "referred_to_vetting_on" date`);
    await queryRunner.query(`UPDATE "cases" SET "amendment_set" = ${setOn('received_at')}`);
    await queryRunner.query(`ALTER TABLE "case_allegations" ADD "conduct_on" date`);
    await queryRunner.query(`ALTER TABLE "case_allegations" ADD "use_of_force_test" text`);
    await queryRunner.query(`ALTER TABLE "outcome_records" ADD "amendment_set" text NOT NULL DEFAULT 'none'`);
    await queryRunner.query(`ALTER TABLE "outcome_records" ADD "list_referral_sent_on" date`);
    await queryRunner.query(`ALTER TABLE "outcome_records" ADD "list_referral_sent_by" uuid`);
    await queryRunner.query(`ALTER TABLE "outcome_records" ADD "list_referral_sent" text`);
    await queryRunner.query(`UPDATE "outcome_records" SET "amendment_set" = ${setOn('decided_on')}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outcome_records" DROP COLUMN "list_referral_sent"`);
    await queryRunner.query(`ALTER TABLE "outcome_records" DROP COLUMN "list_referral_sent_by"`);
    await queryRunner.query(`ALTER TABLE "outcome_records" DROP COLUMN "list_referral_sent_on"`);
    await queryRunner.query(`ALTER TABLE "outcome_records" DROP COLUMN "amendment_set"`);
    await queryRunner.query(`ALTER TABLE "case_allegations" DROP COLUMN "use_of_force_test"`);
    await queryRunner.query(`ALTER TABLE "case_allegations" DROP COLUMN "conduct_on"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "referred_to_vetting_on"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "amendment_set"`);
  }
}
