import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every file inside a ZIP evidence item, with its size and SHA-256. */
export class Members1795645686880 implements MigrationInterface {
  name = 'Members1795645686880';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD "archive_members" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "archive_members"`);
  }
}
