import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 9: an internal precedent's ref was `<force>:<case reference>-<subject number>`, which
 * told other forces the case's reference and year. Each such ref becomes `<force>:<random uuid>`, on
 * the outcome record and on its precedent together (the record's own `ref` too), so the precedent
 * keeps its case link and an appeal still rewrites the same precedent. The comparables reload.
 */
export class OpaqueInternalPrecedentRefs1796307359113 implements MigrationInterface {
  name = 'OpaqueInternalPrecedentRefs1796307359113';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TEMPORARY TABLE precedent_rekey AS
       SELECT o.id AS outcome_id, o.case_id, o.precedent_ref AS old_ref,
              split_part(o.precedent_ref, ':', 1) || ':' || uuid_generate_v4()::text AS new_ref
         FROM outcome_records o JOIN cases c ON c.id = o.case_id
        WHERE position(c.reference IN o.precedent_ref) > 0`,
    );
    await queryRunner.query(
      `UPDATE outcome_records o SET precedent_ref = k.new_ref
         FROM precedent_rekey k WHERE o.id = k.outcome_id`,
    );
    await queryRunner.query(
      `UPDATE precedents p SET ref = k.new_ref,
              record = jsonb_set(p.record::jsonb, '{ref}', to_jsonb(k.new_ref))::json,
              updated_at = now()
         FROM precedent_rekey k
        WHERE p.source = 'internal' AND p.case_id = k.case_id AND p.ref = k.old_ref`,
    );
    await queryRunner.query(`DROP TABLE precedent_rekey`);
    await queryRunner.query(
      `INSERT INTO analytics_state (id, data_version) VALUES (1, 1)
       ON CONFLICT (id) DO UPDATE SET data_version = analytics_state.data_version + 1`,
    );
  }

  public async down(): Promise<void> {
    // the old refs are not kept (they are what this migration removes): nothing to restore
  }
}
