import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 5: nothing may date a reporter's visit closer than the hour. Report messages take
 * random UUIDs and a position within their own report instead of one global sequence (whose order
 * interleaved a reply with everyone else's messages); the outbox marks a reporter's work so the relay
 * holds it until due and records its dispatch to the hour; the reply notices already in the outbox
 * are marked and their dispatch times cut to the hour.
 */
export class ReporterTimingMessageUuidsOutboxHours1796306977526 implements MigrationInterface {
  name = 'ReporterTimingMessageUuidsOutboxHours1796306977526';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "anonymous_report_messages" ADD "position" integer`);
    await queryRunner.query(
      `UPDATE "anonymous_report_messages" m SET "position" = o.n
         FROM (SELECT id, row_number() OVER (PARTITION BY report_id ORDER BY id) AS n
                 FROM "anonymous_report_messages") o
        WHERE o.id = m.id`,
    );
    await queryRunner.query(`ALTER TABLE "anonymous_report_messages" ALTER COLUMN "position" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."ix_anonymous_report_messages_report"`);
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_messages" DROP CONSTRAINT "PK_0ba64b274a3a95dc0d5eac92def"`,
    );
    await queryRunner.query(`ALTER TABLE "anonymous_report_messages" DROP COLUMN "id"`);
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_messages" ADD "id" uuid NOT NULL DEFAULT uuid_generate_v4()`,
    );
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_messages" ADD CONSTRAINT "PK_0ba64b274a3a95dc0d5eac92def" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_anonymous_report_messages_position" ON "anonymous_report_messages" ("report_id", "position") `,
    );
    await queryRunner.query(
      `ALTER TABLE "outbox_messages" ADD "times_to_the_hour" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `UPDATE "outbox_messages" SET "times_to_the_hour" = true,
              "dispatched_at" = date_trunc('hour', "dispatched_at")
        WHERE queue = 'reporting' AND job_name = 'notify-reply'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_messages" DROP COLUMN "times_to_the_hour"`);
    await queryRunner.query(`DROP INDEX "public"."ux_anonymous_report_messages_position"`);
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_messages" DROP CONSTRAINT "PK_0ba64b274a3a95dc0d5eac92def"`,
    );
    await queryRunner.query(`ALTER TABLE "anonymous_report_messages" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "anonymous_report_messages" ADD "id" BIGSERIAL NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "anonymous_report_messages" ADD CONSTRAINT "PK_0ba64b274a3a95dc0d5eac92def" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(`ALTER TABLE "anonymous_report_messages" DROP COLUMN "position"`);
    await queryRunner.query(
      `CREATE INDEX "ix_anonymous_report_messages_report" ON "anonymous_report_messages" ("report_id", "id") `,
    );
  }
}
