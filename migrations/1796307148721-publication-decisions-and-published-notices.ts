import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chair's publication decisions (internal) and the published entries (the public app's only
 * table): hearing notices and outcome reports, with the days they show and when they came down.
 */
export class PublicationDecisionsAndPublishedNotices1796307148721 implements MigrationInterface {
  name = 'PublicationDecisionsAndPublishedNotices1796307148721';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "published_notices" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "kind" text NOT NULL, "forum" text NOT NULL, "officer_name" text, "officer_rank" text, "hearing_on" date NOT NULL, "starts_at" text, "place" text, "conduct" text NOT NULL, "outcome" text, "outcome_summary" text, "publish_from" date NOT NULL, "remove_on" date NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_reason" text, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_published_notices" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_published_notices_showing" ON "published_notices" ("publish_from", "remove_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "publication_decisions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "hearing_id" uuid NOT NULL, "case_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "stage" text NOT NULL, "publish" boolean NOT NULL, "withheld" text array NOT NULL, "withheld_other" text, "reasons" text, "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_notice_id" uuid, CONSTRAINT "PK_publication_decisions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_publication_decisions_hearing" ON "publication_decisions" ("hearing_id", "subject_id", "stage") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "publication_decisions"`);
    await queryRunner.query(`DROP TABLE "published_notices"`);
  }
}
