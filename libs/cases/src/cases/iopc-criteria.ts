import type { EntityManager } from 'typeorm';
import { ConductItem } from '../conduct/conduct-item.entity';
import { Allegation } from '../conduct/allegation.entity';
import { Case } from './case.entity';
import { CaseEvent } from './case-event.entity';
import { iopcCriteriaMet, type IopcCriterion, type IopcCriterionMatch } from './iopc-referral.rules';

/**
 * Checks the mandatory IOPC referral criteria against what the case now holds (its declared criteria,
 * conduct items and allegations), inside the caller's transaction with the case row locked. When the
 * matches change they are stored on the case, the referral becomes required, the version moves on and
 * the timeline says which criteria were met and why. Returns the newly met ones.
 */
export async function reviewIopcCriteria(
  em: EntityManager,
  kase: Case,
  actorId: string | null,
  declared: readonly { criterion: IopcCriterion; reason: string }[] = kase.iopcCriteria.filter(
    (m) => m.source === 'declared',
  ),
): Promise<IopcCriterionMatch[]> {
  // one after another: a transaction is one connection, which runs one query at a time
  const conductItems = await em.find(ConductItem, {
    where: { caseId: kase.id },
    select: { id: true, categories: true, targets: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const allegations = await em.find(Allegation, {
    where: { caseId: kase.id },
    select: { id: true, standards: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  const matches = iopcCriteriaMet({
    declared,
    conductItems,
    allegations,
  });
  const known = new Set(kase.iopcCriteria.map(key));
  const added = matches.filter((m) => !known.has(key(m)));
  if (added.length === 0 && matches.length === kase.iopcCriteria.length) return [];
  const metAt = kase.iopcCriteriaMetAt ?? (matches.length ? new Date() : null);
  await em.update(Case, kase.id, {
    iopcCriteria: matches,
    iopcCriteriaMetAt: metAt,
    iopcReferralRequired: kase.iopcReferralRequired || matches.length > 0,
    version: () => 'version + 1',
  });
  if (added.length) {
    await em.insert(CaseEvent, {
      caseId: kase.id,
      actorId,
      kind: 'iopc_criteria_met',
      reason: added.map((m) => `${m.criterion.replace(/_/g, ' ')}: ${m.reason}`).join(' '),
    });
  }
  return added;
}

function key(m: IopcCriterionMatch): string {
  return `${m.criterion}|${m.source}|${m.reason}`;
}
