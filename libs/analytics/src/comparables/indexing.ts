import { FINDINGS, FORCES, FORUMS, OUTCOME_STEPS, OUTCOMES, type PrecedentRecord } from '@precedent/exchange';
import { conductFeatures } from './conduct-features';
import { PrecedentIndex, type IndexedPrecedent } from './precedent-index';

/** Forces are numbered by their place in forces.json, so the index holds them in one byte. */
export const FORCE_CODE_LIST: readonly string[] = FORCES.map((force) => force.code);
const FORCE_NUMBER = new Map(FORCE_CODE_LIST.map((code, number) => [code, number]));

export function forceNumber(code: string): number {
  const number = FORCE_NUMBER.get(code);
  if (number === undefined) throw new Error(`Unknown force code "${code}": use a code from forces.json`);
  return number;
}

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export function indexedPrecedent(record: PrecedentRecord, id: number): IndexedPrecedent {
  return {
    id,
    ref: record.ref,
    force: forceNumber(record.force),
    decidedOn: dayNumber(record.decidedOn),
    forum: FORUMS.indexOf(record.forum),
    finding: FINDINGS.indexOf(record.finding),
    outcome: OUTCOMES.indexOf(record.outcome),
    step: OUTCOME_STEPS[record.outcome],
  };
}

/** An index of the records, numbered from 1 in the order given. */
export function indexRecords(records: Iterable<PrecedentRecord>, capacity = 1024): PrecedentIndex {
  const index = new PrecedentIndex(capacity);
  let id = 0;
  for (const record of records) index.add(conductFeatures(record), indexedPrecedent(record, ++id));
  return index.seal();
}
