import { MigrationInterface, QueryRunner } from 'typeorm';

/** Anonymous reports and their messages: sealed content, receipt digests and verifiers, times to the hour. */
export class AnonymousReports1795642924371 implements MigrationInterface {
  name = 'AnonymousReports1795642924371';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "anonymous_reports" ("id" uuid NOT NULL, "lookup_digest" text NOT NULL, "verifier" text NOT NULL, "status" text NOT NULL, "sealed" bytea NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "case_id" uuid, CONSTRAINT "ck_anonymous_reports_status" CHECK (status IN ('received', 'in_review', 'case_opened', 'closed')), CONSTRAINT "PK_9644d634b50f7b3e745196ee9f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_anonymous_reports_case" ON "anonymous_reports"  ("case_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_anonymous_reports_received" ON "anonymous_reports"  ("received_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_anonymous_reports_lookup" ON "anonymous_reports"  ("lookup_digest") `,
    );
    await queryRunner.query(
      `CREATE TABLE "anonymous_report_messages" ("id" BIGSERIAL NOT NULL, "report_id" uuid NOT NULL, "author" text NOT NULL, "staff_author_id" uuid, "sealed" bytea NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_anonymous_report_messages_author" CHECK (author IN ('psd', 'reporter') AND (author = 'psd') = (staff_author_id IS NOT NULL)), CONSTRAINT "PK_0ba64b274a3a95dc0d5eac92def" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_anonymous_report_messages_report" ON "anonymous_report_messages"  ("report_id", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_messages" ADD CONSTRAINT "fk_anonymous_report_messages_report" FOREIGN KEY ("report_id") REFERENCES "anonymous_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_messages" DROP CONSTRAINT "fk_anonymous_report_messages_report"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_anonymous_report_messages_report"`);
    await queryRunner.query(`DROP TABLE "anonymous_report_messages"`);
    await queryRunner.query(`DROP INDEX "public"."ux_anonymous_reports_lookup"`);
    await queryRunner.query(`DROP INDEX "public"."ix_anonymous_reports_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_anonymous_reports_case"`);
    await queryRunner.query(`DROP TABLE "anonymous_reports"`);
  }
}
