import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The precedent network (docs/precedent-network.md): each precedent gets an opaque feed reference
 * (its own ref carries the case reference) and internal ones a feed sequence number, raised at every
 * rewrite so a corrected outcome comes after a peer's cursor again; the tokens issued to peers (a
 * digest only) and the harvest state kept for each peer.
 */
export class NetworkPrecedentFeed1796306996355 implements MigrationInterface {
  name = 'NetworkPrecedentFeed1796306996355';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "precedent_feed_seq" AS bigint`);
    await queryRunner.query(
      `ALTER TABLE "precedents" ADD "feed_ref" uuid NOT NULL DEFAULT uuid_generate_v4(), ADD "feed_seq" bigint`,
    );
    await queryRunner.query(
      `UPDATE "precedents" p SET "feed_seq" = s.seq FROM (SELECT id, nextval('precedent_feed_seq') AS seq FROM (SELECT id FROM "precedents" WHERE "source" = 'internal' ORDER BY "updated_at", id) o) s WHERE p.id = s.id`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_precedents_feed_seq" ON "precedents" ("feed_seq") WHERE "feed_seq" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "network_peer_tokens" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "peer_force" text NOT NULL, "token_digest" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_network_peer_tokens" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_network_peer_tokens_token_digest" ON "network_peer_tokens" ("token_digest")`,
    );
    await queryRunner.query(
      `CREATE TABLE "network_harvests" ("peer_force" text NOT NULL, "cursor" text, "imported" integer NOT NULL DEFAULT 0, "updated" integer NOT NULL DEFAULT 0, "pages" integer NOT NULL DEFAULT 0, "refused_pages" integer NOT NULL DEFAULT 0, "failures" integer NOT NULL DEFAULT 0, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_error_at" TIMESTAMP WITH TIME ZONE, "next_attempt_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_network_harvests" PRIMARY KEY ("peer_force"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "network_harvests"`);
    await queryRunner.query(`DROP TABLE "network_peer_tokens"`);
    await queryRunner.query(`DROP INDEX "ix_precedents_feed_seq"`);
    await queryRunner.query(`ALTER TABLE "precedents" DROP COLUMN "feed_seq", DROP COLUMN "feed_ref"`);
    await queryRunner.query(`DROP SEQUENCE "precedent_feed_seq"`);
  }
}
