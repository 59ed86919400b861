import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Archive posts read from social-media exports, with a locator back to the evidence; an item's archive
 * summary and chosen chat date order; and search over posts and OCR text: GIN indexes on the full-text
 * expression the search queries (precedent_search) and trigram indexes on the normalised letters, for
 * lightly obfuscated words. Expression and operator-class indexes are written by hand: TypeORM
 * cannot declare them and does not see them when it compares schemas.
 */
export class ArchivePosts1795643530341 implements MigrationInterface {
  name = 'ArchivePosts1795643530341';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "archive_posts" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "evidence_id" uuid NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "platform" text NOT NULL, "kind" text NOT NULL, "author" text, "posted_at" TIMESTAMP WITH TIME ZONE, "posted_at_local" text, "text" text NOT NULL, "search_letters" text NOT NULL, "raw" text NOT NULL, "post_ref" text, "reply_to" text, "media" text array NOT NULL DEFAULT '{}', "facts" text array NOT NULL DEFAULT '{}', "locator" jsonb NOT NULL, CONSTRAINT "uq_archive_posts_item_seq" UNIQUE ("evidence_id", "seq"), CONSTRAINT "PK_5314520e0e3c0fcbb6fcf454773" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_archive_posts_case_posted" ON "archive_posts"  ("case_id", "posted_at") `,
    );
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD "archive_summary" jsonb`);
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD "chat_date_order" text`);
    await queryRunner.query(
      `ALTER TABLE "evidence_ocr_results" ADD "search_letters" text NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(
      `ALTER TABLE "archive_posts" ADD CONSTRAINT "fk_archive_posts_item" FOREIGN KEY ("evidence_id") REFERENCES "evidence_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_archive_posts_text_search" ON "archive_posts" USING gin (to_tsvector('precedent_search', "text"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_archive_posts_letters" ON "archive_posts" USING gin ("search_letters" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_ocr_results_text_search" ON "evidence_ocr_results" USING gin (to_tsvector('precedent_search', "text"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_ocr_results_letters" ON "evidence_ocr_results" USING gin ("search_letters" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_ocr_results_letters"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_ocr_results_text_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_archive_posts_letters"`);
    await queryRunner.query(`DROP INDEX "public"."ix_archive_posts_text_search"`);
    await queryRunner.query(`ALTER TABLE "archive_posts" DROP CONSTRAINT "fk_archive_posts_item"`);
    await queryRunner.query(`ALTER TABLE "evidence_ocr_results" DROP COLUMN "search_letters"`);
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "chat_date_order"`);
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "archive_summary"`);
    await queryRunner.query(`DROP INDEX "public"."ix_archive_posts_case_posted"`);
    await queryRunner.query(`DROP TABLE "archive_posts"`);
  }
}
