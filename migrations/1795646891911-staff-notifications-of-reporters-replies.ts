import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff notifications: to one person or to the anonymous inbox, naming what happened and to what, never content. */
export class StaffNotifications1795646891911 implements MigrationInterface {
  name = 'StaffNotifications1795646891911';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "staff_notifications" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "audience" text NOT NULL, "recipient_id" uuid, "kind" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_staff_notifications_audience" CHECK ((audience = 'user') = (recipient_id IS NOT NULL) AND audience IN ('user', 'anonymous_inbox')), CONSTRAINT "PK_6ec031276e7f643e3795045de3e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_staff_notifications_recipient" ON "staff_notifications"  ("recipient_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_staff_notifications_recipient"`);
    await queryRunner.query(`DROP TABLE "staff_notifications"`);
  }
}
