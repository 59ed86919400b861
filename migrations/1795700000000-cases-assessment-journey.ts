import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The investigator sends a case to the appropriate authority for assessment (when, so it lands on
 * their My work), and the assessment of off-duty speech carries its Article 10 balancing.
 */
export class CasesAssessmentJourney1795700000000 implements MigrationInterface {
  name = 'CasesAssessmentJourney1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "article10_balancing" jsonb`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "sent_for_assessment_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "sent_for_assessment_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "article10_balancing"`);
  }
}
