import type { PrecedentRecord } from '@precedent/exchange';
import { indexRecords } from '../comparables/indexing';
import { syntheticPrecedents } from '../synth/synthetic-precedents';
import { findInconsistentPairs } from './inconsistent-pairs';

// The check: in a synthetic national set of 20,000, planted like cases with unlike outcomes
// and nothing recorded to explain the gap are all among the first 50 pairs, and a planted pair whose
// gap a recorded difference explains ranks below every one of them.
describe('inconsistent pairs in a synthetic national set', () => {
  const base = [...syntheticPrecedents({ cases: 20_000, seed: 'pairs' })].map((item) => item.record);
  const planted: [string, string][] = [];
  const records: PrecedentRecord[] = [...base];
  const plant = (at: number, name: string, harsherExtra: Partial<PrecedentRecord> = {}) => {
    const template = base[at];
    const conduct = template.conduct.map((item) => ({
      ...item,
      text: `planted comment ${name}: ${item.text ?? ''}`,
    }));
    const lighter: PrecedentRecord = {
      ...template,
      ref: `planted-${name}-lighter`,
      force: 'kent',
      forum: 'misconduct_hearing',
      finding: 'gross_misconduct',
      outcome: 'written_warning',
      conduct,
    };
    const harsher: PrecedentRecord = {
      ...lighter,
      ref: `planted-${name}-harsher`,
      force: 'essex',
      outcome: 'dismissal_without_notice',
      ...harsherExtra,
    };
    records.push(lighter, harsher);
    return [lighter.ref, harsher.ref] as [string, string];
  };
  for (let pair = 0; pair < 8; pair++) planted.push(plant(pair * 997, `unexplained-${pair}`));
  const explained = plant(4242, 'explained', {
    aggravating: [...new Set([...base[4242].aggravating, 'premeditation' as const])],
  });
  // Both sides of the explained pair otherwise alike: no premeditation on the lighter side.
  records[records.length - 2] = {
    ...records[records.length - 2],
    aggravating: base[4242].aggravating.filter((factor) => factor !== 'premeditation'),
  };

  const index = indexRecords(records, records.length);
  let pairs: Awaited<ReturnType<typeof findInconsistentPairs>> = [];
  beforeAll(async () => {
    pairs = await findInconsistentPairs(index);
  }, 300_000);
  const rankOf = ([first, second]: [string, string]) =>
    pairs.findIndex((pair) => {
      const refs = [index.precedentAt(pair.a).ref, index.precedentAt(pair.b).ref];
      return refs.includes(first) && refs.includes(second);
    });

  it('lists every planted unexplained pair within the first 50', () => {
    const ranks = planted.map(rankOf);
    for (const rank of ranks) {
      expect(rank).toBeGreaterThanOrEqual(0);
      expect(rank).toBeLessThan(50);
    }
  });

  it('ranks a pair whose gap a recorded difference explains below the unexplained ones, and says why', () => {
    const rank = rankOf(explained);
    expect(rank).toBeGreaterThan(Math.max(...planted.map(rankOf)));
    const pair = pairs[rank];
    expect(pair.differences).toContainEqual(expect.objectContaining({ kind: 'aggravating', explains: true }));
    expect(pair.stepGap).toBe(3);
  });

  it('keeps only pairs alike enough and far enough apart, most inconsistent first', () => {
    expect(pairs.length).toBeGreaterThan(50);
    for (const pair of pairs) {
      expect(pair.similarity).toBeGreaterThanOrEqual(0.8);
      expect(pair.stepGap).toBeGreaterThanOrEqual(2);
    }
    for (let at = 1; at < Math.min(pairs.length, 500); at++)
      expect(pairs[at].score).toBeLessThanOrEqual(pairs[at - 1].score);
  });
});
