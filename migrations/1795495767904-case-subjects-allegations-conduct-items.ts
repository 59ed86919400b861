import { MigrationInterface, QueryRunner } from 'typeorm';

/** Subjects, allegations and conduct items of a case, with the exchange format's values. */
export class Contents1795495767904 implements MigrationInterface {
  name = 'Contents1795495767904';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conduct_items" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "case_id" uuid NOT NULL, "platform" text NOT NULL, "audience" text NOT NULL, "audience_size" integer, "text" text NOT NULL, "posted_at" TIMESTAMP WITH TIME ZONE, "url" text, "categories" text array NOT NULL, "targets" text array NOT NULL DEFAULT '{}', "off_duty" boolean, "identifiable_as_police" boolean, "participation" text NOT NULL DEFAULT 'author', "message_count" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb499c18e09daf0eef254b6f671" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_conduct_items_case" ON "conduct_items"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "case_subjects" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "case_id" uuid NOT NULL, "name" text NOT NULL, "staff_number" text NOT NULL, "role" text NOT NULL, "rank" text, "force" text NOT NULL, "service_start" date, "former_officer" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_83c13afcf87c4190bf0bf321f33" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_subjects_staff_number" ON "case_subjects"  ("staff_number") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_subjects_case" ON "case_subjects"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "case_allegations" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "case_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "standards" text array NOT NULL, "description" text NOT NULL, "finding" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b45ba601cf2e3ed7e4147f8a00c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_allegations_case" ON "case_allegations"  ("case_id") `);
    await queryRunner.query(
      `ALTER TABLE "conduct_items" ADD CONSTRAINT "fk_conduct_items_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_subjects" ADD CONSTRAINT "fk_case_subjects_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_allegations" ADD CONSTRAINT "fk_case_allegations_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_allegations" ADD CONSTRAINT "fk_case_allegations_subject" FOREIGN KEY ("subject_id") REFERENCES "case_subjects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_allegations" DROP CONSTRAINT "fk_case_allegations_subject"`);
    await queryRunner.query(`ALTER TABLE "case_allegations" DROP CONSTRAINT "fk_case_allegations_case"`);
    await queryRunner.query(`ALTER TABLE "case_subjects" DROP CONSTRAINT "fk_case_subjects_case"`);
    await queryRunner.query(`ALTER TABLE "conduct_items" DROP CONSTRAINT "fk_conduct_items_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_allegations_case"`);
    await queryRunner.query(`DROP TABLE "case_allegations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_subjects_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_subjects_staff_number"`);
    await queryRunner.query(`DROP TABLE "case_subjects"`);
    await queryRunner.query(`DROP INDEX "public"."ix_conduct_items_case"`);
    await queryRunner.query(`DROP TABLE "conduct_items"`);
  }
}
