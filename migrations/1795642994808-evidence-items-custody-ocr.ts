import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence items (one per case and SHA-256), their append-only chain of custody, and OCR results with word boxes. */
export class Evidence1795642994808 implements MigrationInterface {
  name = 'Evidence1795642994808';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evidence_items" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "case_id" uuid NOT NULL, "original_name" text NOT NULL, "size" bigint NOT NULL, "media_type" text NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by_id" uuid, "uploaded_by_name" text, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "captured_at" TIMESTAMP WITH TIME ZONE, "captured_by" text, "source_url" text, "platform" text, "account_handle" text, "description" text, "status" text NOT NULL DEFAULT 'queued', "steps" text array NOT NULL DEFAULT '{}', "error" text, "processing_attempts" integer NOT NULL DEFAULT '0', "processed_at" TIMESTAMP WITH TIME ZONE, "image_metadata" jsonb, "thumbnail_sha256" character(64), "preview_sha256" character(64), "integrity" text NOT NULL DEFAULT 'unchecked', "integrity_checked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_evidence_items_case_sha256" UNIQUE ("case_id", "sha256"), CONSTRAINT "PK_5c67144bedcbdc385c0716d8e50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_items_case_uploaded" ON "evidence_items"  ("case_id", "uploaded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence_custody_events" ("id" BIGSERIAL NOT NULL, "evidence_id" uuid NOT NULL, "case_id" uuid NOT NULL, "action" text NOT NULL, "actor_id" uuid, "actor_name" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sha256" character(64), "request_id" text, "details" jsonb, CONSTRAINT "PK_6fbb0ede63c498ceebbe5fde7c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_custody_events_item" ON "evidence_custody_events"  ("evidence_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence_ocr_results" ("evidence_id" uuid NOT NULL, "text" text NOT NULL, "confidence" real NOT NULL, "words" jsonb NOT NULL, "engine" text NOT NULL, "recognised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f4263ddc402d0e9878819088e5" PRIMARY KEY ("evidence_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_custody_events" ADD CONSTRAINT "fk_evidence_custody_events_item" FOREIGN KEY ("evidence_id") REFERENCES "evidence_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_ocr_results" ADD CONSTRAINT "fk_evidence_ocr_results_item" FOREIGN KEY ("evidence_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // the chain of custody is append-only: the database itself refuses to change or remove an event
    await queryRunner.query(`
            CREATE FUNCTION evidence_custody_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'evidence_custody_events is append-only: % is refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$`);
    await queryRunner.query(
      `CREATE TRIGGER evidence_custody_events_no_update_or_delete BEFORE UPDATE OR DELETE ON "evidence_custody_events" FOR EACH ROW EXECUTE FUNCTION evidence_custody_events_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER evidence_custody_events_no_truncate BEFORE TRUNCATE ON "evidence_custody_events" FOR EACH STATEMENT EXECUTE FUNCTION evidence_custody_events_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER evidence_custody_events_no_truncate ON "evidence_custody_events"`);
    await queryRunner.query(
      `DROP TRIGGER evidence_custody_events_no_update_or_delete ON "evidence_custody_events"`,
    );
    await queryRunner.query(`DROP FUNCTION evidence_custody_events_refuse_change()`);
    await queryRunner.query(
      `ALTER TABLE "evidence_ocr_results" DROP CONSTRAINT "fk_evidence_ocr_results_item"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_custody_events" DROP CONSTRAINT "fk_evidence_custody_events_item"`,
    );
    await queryRunner.query(`DROP TABLE "evidence_ocr_results"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_custody_events_item"`);
    await queryRunner.query(`DROP TABLE "evidence_custody_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_items_case_uploaded"`);
    await queryRunner.query(`DROP TABLE "evidence_items"`);
  }
}
