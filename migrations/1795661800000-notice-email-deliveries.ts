import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices delivered by email: where officers and panel members are emailed, and one row per email
 * of a notice with its delivery status, the mail server's answer and the day it is deemed served.
 */
export class NoticeEmailDeliveries1795661800000 implements MigrationInterface {
  name = 'NoticeEmailDeliveries1795661800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_subjects" ADD "email" text`);
    await queryRunner.query(`ALTER TABLE "panel_members" ADD "email" text`);
    await queryRunner.query(`ALTER TABLE "appeals" ADD "appellant" text NOT NULL DEFAULT 'officer'`);
    await queryRunner.query(`CREATE TABLE "notice_deliveries" (
      "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
      "case_id" uuid NOT NULL,
      "hearing_id" uuid,
      "notice_id" uuid,
      "recipient" text NOT NULL,
      "recipient_name" text NOT NULL,
      "to_address" text NOT NULL,
      "subject" text NOT NULL,
      "body" text NOT NULL,
      "calendar" text,
      "status" text NOT NULL,
      "server_answer" text,
      "attempts" integer NOT NULL DEFAULT 0,
      "sent_at" TIMESTAMP WITH TIME ZONE,
      "deemed_served_on" date,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_notice_deliveries" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notice_deliveries_case" ON "notice_deliveries" ("case_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_notice_deliveries_failed" ON "notice_deliveries" ("created_at") WHERE status = 'failed'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_notice_deliveries_failed"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notice_deliveries_case"`);
    await queryRunner.query(`DROP TABLE "notice_deliveries"`);
    await queryRunner.query(`ALTER TABLE "appeals" DROP COLUMN "appellant"`);
    await queryRunner.query(`ALTER TABLE "panel_members" DROP COLUMN "email"`);
    await queryRunner.query(`ALTER TABLE "case_subjects" DROP COLUMN "email"`);
  }
}
