import { MigrationInterface, QueryRunner } from 'typeorm';

/** The national precedent store with its coded features, the data version, analytics jobs and stored disparity results. */
export class AnalyticsStore1795642306403 implements MigrationInterface {
  name = 'AnalyticsStore1795642306403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_jobs" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "kind" text NOT NULL, "status" text NOT NULL, "done" integer NOT NULL DEFAULT '0', "total" integer, "input" jsonb NOT NULL DEFAULT '{}', "result" jsonb, "error" text, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3f9feb94756502d60283db77ef6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "analytics_state" ("id" smallint NOT NULL DEFAULT '1', "data_version" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_58911d6b9e88af59564926b282d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "precedents" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "force" text NOT NULL, "ref" text NOT NULL, "decided_on" date NOT NULL, "forum" text NOT NULL, "finding" text NOT NULL, "outcome" text NOT NULL, "step" smallint NOT NULL, "record" json NOT NULL, "source" text NOT NULL DEFAULT 'imported', "case_id" uuid, "category_mask" smallint NOT NULL, "target_mask" smallint NOT NULL, "audience" smallint NOT NULL, "platform_mask" smallint NOT NULL, "participation" smallint NOT NULL, "role" smallint NOT NULL, "factor_mask" integer NOT NULL, "levels" smallint NOT NULL, "volume" smallint NOT NULL, "fingerprint" bytea, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7c610d02150ccdf4507855956aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "precedents_force_ref" ON "precedents"  ("force", "ref") `);
    await queryRunner.query(
      `CREATE TABLE "disparity_results" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "data_version" bigint NOT NULL, "precedents" integer NOT NULL, "analysis" jsonb NOT NULL, CONSTRAINT "PK_f9856ebae3a901cb39bc780a2bc" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "disparity_results"`);
    await queryRunner.query(`DROP INDEX "public"."precedents_force_ref"`);
    await queryRunner.query(`DROP TABLE "precedents"`);
    await queryRunner.query(`DROP TABLE "analytics_state"`);
    await queryRunner.query(`DROP TABLE "analytics_jobs"`);
  }
}
