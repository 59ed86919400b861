import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hearings with their date history, the panel pool, relationships and seats, findings, outcome records, appeals and notices. */
export class Hearings1795644262152 implements MigrationInterface {
  name = 'Hearings1795644262152';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outcome_records" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "case_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "hearing_id" uuid, "forum" text NOT NULL, "finding" text NOT NULL, "outcome" text NOT NULL, "current_outcome" text NOT NULL, "decided_on" date NOT NULL, "notified_on" date NOT NULL, "decision" jsonb NOT NULL, "departure" jsonb, "extended_final_warning" boolean NOT NULL DEFAULT false, "warning_expires_on" date, "would_have_been_dismissed" boolean NOT NULL DEFAULT false, "barred_list_referral" boolean NOT NULL DEFAULT false, "advisory_list_referral" boolean NOT NULL DEFAULT false, "investigator_recommendation" text, "appropriate_authority_recommendation" text, "precedent_ref" text NOT NULL, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96e61ebaf9c0c2f5555ba811da8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_outcome_records_subject" ON "outcome_records"  ("case_id", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "appeals" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "outcome_record_id" uuid NOT NULL, "case_id" uuid NOT NULL, "body" text NOT NULL, "lodged_on" date NOT NULL, "deadline" date NOT NULL, "grounds" text array NOT NULL, "details" text NOT NULL, "result" text, "decided_on" date, "varied_outcome" text, "reasons" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ebd2050a02aa78081b5346152bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_appeals_outcome" ON "appeals"  ("outcome_record_id") `);
    await queryRunner.query(
      `CREATE TABLE "hearings" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "case_id" uuid NOT NULL, "forum" text NOT NULL, "status" text NOT NULL, "documents_supplied_on" date NOT NULL, "officer_response_due" date NOT NULL, "scheduled_on" date, "starts_at" text, "venue" text, "remote_link" text, "in_public" boolean NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_79d1a17d4ddd70a11c44bf3b42c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_hearings_open_per_case" ON "hearings"  ("case_id") WHERE status <> 'concluded'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_hearings_date" ON "hearings"  ("scheduled_on") `);
    await queryRunner.query(`CREATE INDEX "ix_hearings_case" ON "hearings"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "hearing_date_changes" ("id" BIGSERIAL NOT NULL, "hearing_id" uuid NOT NULL, "kind" text NOT NULL, "date" date, "starts_at" text, "venue" text, "remote_link" text, "reason" text, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06b1089a682ffc6b2f2ba90dac3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_hearing_date_changes_hearing" ON "hearing_date_changes"  ("hearing_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hearing_notices" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "hearing_id" uuid NOT NULL, "case_id" uuid NOT NULL, "kind" text NOT NULL, "due_on" date NOT NULL, "text" text NOT NULL, "status" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9cb67bea6d4c5e9fabdc70632b5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_hearing_notices_hearing" ON "hearing_notices"  ("hearing_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "allegation_findings" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "outcome_record_id" uuid NOT NULL, "allegation_id" uuid NOT NULL, "finding" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2b5f0eba45e38ec2d2b6d11e11f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_allegation_findings_outcome" ON "allegation_findings"  ("outcome_record_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_allegation_findings_allegation" ON "allegation_findings"  ("allegation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "panel_members" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid, "name" text NOT NULL, "roles" text array NOT NULL, "rank" text, "unavailable_on" date array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_02b94bfd5935db3ae179578b686" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_panel_members_user" ON "panel_members"  ("user_id") WHERE user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "hearing_seats" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "hearing_id" uuid NOT NULL, "panel_member_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da98d3275f06e5fcc1ba79836bd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_hearing_seats_panel_member" ON "hearing_seats"  ("panel_member_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_hearing_seats_member" ON "hearing_seats"  ("hearing_id", "panel_member_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "panel_member_relationships" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "panel_member_id" uuid NOT NULL, "kind" text NOT NULL, "force" text, "staff_number" text, "case_id" uuid, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba0d6adb20a29801d98c0244574" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_panel_member_relationships_member" ON "panel_member_relationships"  ("panel_member_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "appeals" ADD CONSTRAINT "fk_appeals_outcome" FOREIGN KEY ("outcome_record_id") REFERENCES "outcome_records"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_date_changes" ADD CONSTRAINT "fk_hearing_date_changes_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_notices" ADD CONSTRAINT "fk_hearing_notices_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "allegation_findings" ADD CONSTRAINT "fk_allegation_findings_outcome" FOREIGN KEY ("outcome_record_id") REFERENCES "outcome_records"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_seats" ADD CONSTRAINT "fk_hearing_seats_hearing" FOREIGN KEY ("hearing_id") REFERENCES "hearings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hearing_seats" ADD CONSTRAINT "fk_hearing_seats_member" FOREIGN KEY ("panel_member_id") REFERENCES "panel_members"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "panel_member_relationships" ADD CONSTRAINT "fk_panel_member_relationships_member" FOREIGN KEY ("panel_member_id") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "panel_member_relationships" DROP CONSTRAINT "fk_panel_member_relationships_member"`,
    );
    await queryRunner.query(`ALTER TABLE "hearing_seats" DROP CONSTRAINT "fk_hearing_seats_member"`);
    await queryRunner.query(`ALTER TABLE "hearing_seats" DROP CONSTRAINT "fk_hearing_seats_hearing"`);
    await queryRunner.query(
      `ALTER TABLE "allegation_findings" DROP CONSTRAINT "fk_allegation_findings_outcome"`,
    );
    await queryRunner.query(`ALTER TABLE "hearing_notices" DROP CONSTRAINT "fk_hearing_notices_hearing"`);
    await queryRunner.query(
      `ALTER TABLE "hearing_date_changes" DROP CONSTRAINT "fk_hearing_date_changes_hearing"`,
    );
    await queryRunner.query(`ALTER TABLE "appeals" DROP CONSTRAINT "fk_appeals_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."ix_panel_member_relationships_member"`);
    await queryRunner.query(`DROP TABLE "panel_member_relationships"`);
    await queryRunner.query(`DROP INDEX "public"."ux_hearing_seats_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hearing_seats_panel_member"`);
    await queryRunner.query(`DROP TABLE "hearing_seats"`);
    await queryRunner.query(`DROP INDEX "public"."ux_panel_members_user"`);
    await queryRunner.query(`DROP TABLE "panel_members"`);
    await queryRunner.query(`DROP INDEX "public"."ux_allegation_findings_allegation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_allegation_findings_outcome"`);
    await queryRunner.query(`DROP TABLE "allegation_findings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hearing_notices_hearing"`);
    await queryRunner.query(`DROP TABLE "hearing_notices"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hearing_date_changes_hearing"`);
    await queryRunner.query(`DROP TABLE "hearing_date_changes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hearings_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hearings_date"`);
    await queryRunner.query(`DROP INDEX "public"."ux_hearings_open_per_case"`);
    await queryRunner.query(`DROP TABLE "hearings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_appeals_outcome"`);
    await queryRunner.query(`DROP TABLE "appeals"`);
    await queryRunner.query(`DROP INDEX "public"."ux_outcome_records_subject"`);
    await queryRunner.query(`DROP TABLE "outcome_records"`);
  }
}
