import { MigrationInterface, QueryRunner } from 'typeorm';

/** Conduct items promoted from evidence keep the evidence, the archive post, the file hash and the locator. */
export class ConductSource1795644247998 implements MigrationInterface {
  name = 'ConductSource1795644247998';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conduct_items" ADD "source_evidence_id" uuid`);
    await queryRunner.query(`ALTER TABLE "conduct_items" ADD "source_archive_post_id" uuid`);
    await queryRunner.query(`ALTER TABLE "conduct_items" ADD "source_sha256" character(64)`);
    await queryRunner.query(`ALTER TABLE "conduct_items" ADD "source_locator" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conduct_items" DROP COLUMN "source_locator"`);
    await queryRunner.query(`ALTER TABLE "conduct_items" DROP COLUMN "source_sha256"`);
    await queryRunner.query(`ALTER TABLE "conduct_items" DROP COLUMN "source_archive_post_id"`);
    await queryRunner.query(`ALTER TABLE "conduct_items" DROP COLUMN "source_evidence_id"`);
  }
}
