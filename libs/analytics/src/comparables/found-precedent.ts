import { FINDINGS, FORUMS, OUTCOMES, type PrecedentRecord } from '@precedent/exchange';
import { eraOnDay, eraWords } from '../reforms/regime.rules';
import { FORCE_CODE_LIST } from './indexing';
import type { PrecedentIndex } from './precedent-index';
import { whatWasSaid } from './what-was-said.rules';

/**
 * The precedent at `at` in the index as an answer names it: where and when it was decided, how, the
 * rules it was decided under, and what was said (from its record, when loaded). The comparables and
 * the inconsistent pairs both present precedents this way.
 */
export function foundPrecedent(
  index: PrecedentIndex,
  at: number,
  records: Map<number, Pick<PrecedentRecord, 'conduct' | 'summary'>>,
) {
  const precedent = index.precedentAt(at);
  const record = records.get(precedent.id);
  return {
    ref: precedent.ref,
    force: FORCE_CODE_LIST[precedent.force],
    decidedOn: new Date(precedent.decidedOn * 86_400_000).toISOString().slice(0, 10),
    forum: FORUMS[precedent.forum],
    finding: FINDINGS[precedent.finding],
    outcome: OUTCOMES[precedent.outcome],
    step: precedent.step,
    rules: eraWords(eraOnDay(precedent.decidedOn)),
    said: record ? whatWasSaid(record) : null,
  };
}
