import { MigrationInterface, QueryRunner } from 'typeorm';

/** Inconsistent pairs (like precedents with unlike outcomes), stored with their data version. */
export class AnalyticsInconsistencyResults1795660000000 implements MigrationInterface {
  name = 'AnalyticsInconsistencyResults1795660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inconsistency_results" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "data_version" bigint NOT NULL, "precedents" integer NOT NULL, "pairs" jsonb NOT NULL, CONSTRAINT "PK_dedf31572e80a182a31a2651b9a" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inconsistency_results"`);
  }
}
