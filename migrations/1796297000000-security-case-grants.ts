import { MigrationInterface, QueryRunner } from 'typeorm';

/** Explicit case grants: a case given to one person, by whom, why and until when; revocations kept. */
export class SecurityCaseGrants1796297000000 implements MigrationInterface {
  name = 'SecurityCaseGrants1796297000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_grants" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "granted_by" uuid NOT NULL, "reason" text NOT NULL, "until" date NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "revoke_reason" text, CONSTRAINT "PK_case_grants" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_grants_case" ON "case_grants" ("case_id") `);
    await queryRunner.query(`CREATE INDEX "ix_case_grants_user" ON "case_grants" ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "case_grants" ADD CONSTRAINT "fk_case_grants_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_grants"`);
  }
}
