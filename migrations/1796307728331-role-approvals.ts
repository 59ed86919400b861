import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 14 item 9: roles that read case content wait for a second administrator's approval. */
export class RoleApprovals1796307728331 implements MigrationInterface {
  name = 'RoleApprovals1796307728331';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "role_approvals" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "role" text NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "approved" boolean, CONSTRAINT "PK_role_approvals" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_role_approvals_pending" ON "role_approvals" ("user_id", "role") WHERE decided_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "role_approvals"`);
  }
}
