import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attachments to anonymous reports: screenshots with their metadata removed, sealed, timed to the hour. */
export class ReportAttachments1795646629385 implements MigrationInterface {
  name = 'ReportAttachments1795646629385';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "anonymous_report_attachments" ("id" uuid NOT NULL, "report_id" uuid NOT NULL, "media_type" text NOT NULL, "size" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "sealed" bytea NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_anonymous_report_attachments_type" CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')), CONSTRAINT "PK_a671fab58c4fcabe75bc48ae44e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_anonymous_report_attachments_report" ON "anonymous_report_attachments"  ("report_id", "received_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_attachments" ADD CONSTRAINT "fk_anonymous_report_attachments_report" FOREIGN KEY ("report_id") REFERENCES "anonymous_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_attachments" DROP CONSTRAINT "fk_anonymous_report_attachments_report"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_anonymous_report_attachments_report"`);
    await queryRunner.query(`DROP TABLE "anonymous_report_attachments"`);
  }
}
