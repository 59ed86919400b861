import { MigrationInterface, QueryRunner } from 'typeorm';

/** A notice about one subject (their outcome) names them, so its email goes to that officer alone. */
export class HearingNoticesSubject1796309500107 implements MigrationInterface {
  name = 'HearingNoticesSubject1796309500107';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hearing_notices" ADD "subject_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hearing_notices" DROP COLUMN "subject_id"`);
  }
}
