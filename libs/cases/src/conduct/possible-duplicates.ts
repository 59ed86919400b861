import type { EntityManager } from 'typeorm';
import type { Principal } from '@precedent/identity';
import { Case } from '../cases/case.entity';
import { visibleCasesWhere } from '../cases/case-visibility';
import { CaseDuplicateWarning } from './case-duplicate-warning.entity';
import {
  casePeriod,
  periodsOverlap,
  sameSubjectReason,
  similarConductReason,
  SIMILAR_TEXT_THRESHOLD,
  type DuplicateKind,
  type DuplicateWarning,
} from './duplicate.rules';

interface PeriodRow {
  id: string;
  receivedAt: string;
  cameToAttentionOn: string;
  earliestPostedOn: string | null;
}

const PERIOD_COLUMNS = `c.id, c.received_at::text AS "receivedAt", c.came_to_attention_on::text AS "cameToAttentionOn",
  (SELECT min((p.posted_at AT TIME ZONE 'Europe/London')::date)::text FROM conduct_items p WHERE p.case_id = c.id)
    AS "earliestPostedOn"`;

/**
 * Looks for possible duplicates of a case after a subject or conduct item was added, inside the
 * caller's transaction, and stores each pair both ways. Same subject: the same staff number in the same
 * force in another case whose period overlaps. Similar conduct: the new item's text near-identical
 * (pg_trgm) to an item in another case. Every case is looked at here; who may see a link is decided
 * when the warnings are read.
 */
export async function detectDuplicates(
  em: EntityManager,
  caseId: string,
  newConductItemId?: string,
): Promise<void> {
  const found: { other: string; kind: DuplicateKind; here: string; there: string }[] = [];

  const [own] = (await em.query(`SELECT ${PERIOD_COLUMNS} FROM cases c WHERE c.id = $1`, [
    caseId,
  ])) as PeriodRow[];
  const others = (await em.query(
    `SELECT DISTINCT ON (c.id) ${PERIOD_COLUMNS}, s2.staff_number AS "staffNumber", s2.force
       FROM case_subjects s1
       JOIN case_subjects s2 ON s2.staff_number = s1.staff_number AND lower(s2.force) = lower(s1.force)
                             AND s2.case_id <> s1.case_id
       JOIN cases c ON c.id = s2.case_id
      WHERE s1.case_id = $1
      ORDER BY c.id
      LIMIT 50`,
    [caseId],
  )) as (PeriodRow & { staffNumber: string; force: string })[];
  const ownPeriod = casePeriod(own);
  for (const other of others) {
    const otherPeriod = casePeriod(other);
    if (periodsOverlap(ownPeriod, otherPeriod)) {
      found.push({
        other: other.id,
        kind: 'same_subject',
        here: sameSubjectReason(other, otherPeriod),
        there: sameSubjectReason(other, ownPeriod),
      });
    }
  }

  if (newConductItemId) {
    // the % operator uses the GIN trigram index at this transaction's threshold
    await em.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
      String(SIMILAR_TEXT_THRESHOLD),
    ]);
    const similar = (await em.query(
      `SELECT t.case_id AS "otherId", max(similarity(t.text, n.text)) AS similarity
         FROM conduct_items n
         JOIN conduct_items t ON t.text % n.text AND t.case_id <> n.case_id
        WHERE n.id = $1
        GROUP BY t.case_id
        ORDER BY 2 DESC
        LIMIT 20`,
      [newConductItemId],
    )) as { otherId: string; similarity: number }[];
    for (const s of similar) {
      const reason = similarConductReason(Number(s.similarity));
      found.push({ other: s.otherId, kind: 'similar_conduct', here: reason, there: reason });
    }
  }

  if (found.length === 0) return;
  const rows = found.flatMap((f) => [
    { caseId, otherCaseId: f.other, kind: f.kind, reason: f.here },
    { caseId: f.other, otherCaseId: caseId, kind: f.kind, reason: f.there },
  ]);
  await em
    .createQueryBuilder()
    .insert()
    .into(CaseDuplicateWarning)
    .values(rows)
    .orUpdate(['reason'], ['case_id', 'other_case_id', 'kind'])
    .execute();
}

/** The possible duplicates of a case that this person may open, with links. */
export async function duplicateWarnings(
  em: EntityManager,
  caseId: string,
  by: Principal,
  today: string,
): Promise<DuplicateWarning[]> {
  const rows = await em
    .getRepository(CaseDuplicateWarning)
    .createQueryBuilder('w')
    .innerJoin(Case, 'o', 'o.id = w.other_case_id')
    .select([
      'w.kind AS kind',
      'w.other_case_id AS "caseId"',
      'o.reference AS reference',
      'w.reason AS reason',
    ])
    .where('w.case_id = :caseId', { caseId })
    .andWhere(...visibleCasesWhere('o', by, today))
    .orderBy('w.kind')
    .addOrderBy('o.reference')
    .getRawMany<DuplicateWarning>();
  return rows;
}
