import { MigrationInterface, QueryRunner } from 'typeorm';

/** A partial index on failed evidence: the work list finds the few failures among every item processed. */
export class EvidenceFailedIndex1795655742212 implements MigrationInterface {
  name = 'EvidenceFailedIndex1795655742212';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_items_failed" ON "evidence_items"  ("uploaded_at") WHERE status = 'failed'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_items_failed"`);
  }
}
