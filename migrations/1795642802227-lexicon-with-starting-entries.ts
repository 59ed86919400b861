import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The managed lexicon and its version history, with the starting lexicon (libs/analytics/src/lexicon/starting-lexicon.ts,
 * copied here as it stood when this migration was written) as version 1 of each entry.
 */
export class Lexicon1795642802227 implements MigrationInterface {
  name = 'Lexicon1795642802227';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "lexicon_entry_versions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "entry_id" uuid NOT NULL, "version" integer NOT NULL, "change" text NOT NULL, "snapshot" jsonb NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff5199b1338ea1d9123f342f48c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ea69ef48af16043e3a75154df4" ON "lexicon_entry_versions"  ("entry_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "lexicon_entries" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "term" text NOT NULL, "category" text NOT NULL, "target" text, "note" text NOT NULL DEFAULT '', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef55c066604286b33637a2fa341" PRIMARY KEY ("id"))`,
    );
    const starting: [string, string, string | null, string][] = [
      [
        'go back to where you came from',
        'discriminatory',
        'race',
        'Telling people to leave the country: race or nationality.',
      ],
      ['send them back', 'discriminatory', 'race', 'Calls for removal of a group: race or nationality.'],
      ['their kind', 'discriminatory', null, 'Othering a group; check which characteristic is meant.'],
      ['invading', 'discriminatory', 'race', 'Migration described as invasion.'],
      ['flooding the country', 'discriminatory', 'race', 'Migration described as a flood.'],
      ['remigration', 'extremist', 'race', 'A far-right slogan for mass deportation.'],
      ['day of reckoning', 'extremist', null, 'Language of violent uprising.'],
      ['traitors', 'extremist', null, 'Common in extremist rhetoric about public figures; read in context.'],
      ['deserved it', 'mocking_victims_or_public', null, 'Blaming a victim.'],
      ['asked for it', 'mocking_victims_or_public', 'sex', 'Blaming a victim, often of sexual violence.'],
      ['serves them right', 'mocking_victims_or_public', null, 'Blaming a victim.'],
      ['smash his teeth', 'violent_or_threatening', null, 'A threat of violence.'],
      ['kick his head in', 'violent_or_threatening', null, 'A threat of violence.'],
      ['burn the house down', 'violent_or_threatening', null, 'A threat of violence.'],
      [
        'custody record',
        'disclosure_of_police_information',
        null,
        'Police information; check whether it was disclosed.',
      ],
      [
        'pnc check',
        'disclosure_of_police_information',
        null,
        'Police National Computer: police information.',
      ],
      ['intel says', 'disclosure_of_police_information', null, 'Intelligence shared outside the police.'],
      ['victim name', 'disclosure_of_police_information', null, 'A victim identified: police information.'],
      ['send pics', 'sexual', 'sex', 'Sexual requests.'],
      ['fit bird', 'sexual', 'sex', 'Sexualised comment about a woman.'],
      ['in uniform', 'sexual', null, 'Read in context: sexualised comments about colleagues in uniform.'],
      ['waste of space', 'abusive_or_offensive', null, 'Personal abuse.'],
      ['scum', 'abusive_or_offensive', null, 'Abuse; in posts about the public it undermines confidence.'],
      ['woke', 'political_or_partisan', null, 'Partisan comment; usually only relevant with other content.'],
      ['vote for', 'political_or_partisan', null, 'Political activity: officers must be impartial.'],
    ];
    for (const [term, category, target, note] of starting) {
      const [{ id }] = await queryRunner.query(
        'INSERT INTO lexicon_entries (term, category, target, note, version) VALUES ($1, $2, $3, $4, 1) RETURNING id',
        [term, category, target, note],
      );
      await queryRunner.query(
        "INSERT INTO lexicon_entry_versions (entry_id, version, change, snapshot) VALUES ($1, 1, 'created', $2)",
        [id, JSON.stringify({ term, category, target, note, active: true })],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "lexicon_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea69ef48af16043e3a75154df4"`);
    await queryRunner.query(`DROP TABLE "lexicon_entry_versions"`);
  }
}
