import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mandatory IOPC referral criteria a case meets, each with why, and when the referral first became
 * required (its deadline runs from that day; cases already marked take their recording time).
 */
export class RecordIopcCriteriaMetOnCases1795643982009 implements MigrationInterface {
  name = 'RecordIopcCriteriaMetOnCases1795643982009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "iopc_criteria" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "iopc_criteria_met_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "cases" SET "iopc_criteria_met_at" = "created_at" WHERE "iopc_referral_required"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "iopc_criteria_met_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "iopc_criteria"`);
  }
}
