import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases with their intake facts, severity and version; the timeline; reference counters per year. */
export class Cases1795495403545 implements MigrationInterface {
  name = 'Cases1795495403545';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_events" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "kind" text NOT NULL, "from_status" text, "to_status" text, "reason" text, CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_events_case" ON "case_events"  ("case_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "case_reference_counters" ("year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "PK_071086b2232dd1ff26fcb516140" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "reference" text NOT NULL, "source" text NOT NULL, "received_at" date NOT NULL, "came_to_attention_on" date NOT NULL, "regime" text NOT NULL, "summary" text NOT NULL, "status" text NOT NULL, "restricted" boolean NOT NULL DEFAULT false, "assigned_investigator_id" uuid, "team" text, "reporter_name" text, "reporter_contact" text, "authorised_by" text, "authorised_at" date, "authorisation_justification" text, "severity" text, "severity_rationale" text, "iopc_referral_required" boolean NOT NULL DEFAULT false, "iopc_referral_decision" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cases_team" ON "cases"  ("team") `);
    await queryRunner.query(`CREATE INDEX "ix_cases_investigator" ON "cases"  ("assigned_investigator_id") `);
    await queryRunner.query(`CREATE INDEX "ix_cases_status" ON "cases"  ("status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_cases_reference" ON "cases"  ("reference") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ux_cases_reference"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_investigator"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_team"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP TABLE "case_reference_counters"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_events_case"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
  }
}
