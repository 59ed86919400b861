import type { ConductFeatures } from '../comparables/conduct-features';
import { differenceSentence, inconsistencyScore, pairDifferences } from './inconsistency.rules';

const base: ConductFeatures = {
  categoryMask: 1,
  targetMask: 1,
  audienceRank: 2,
  identifiable: false,
  platformMask: 1,
  participation: 0,
  role: 0,
  formerOfficer: false,
  factorMask: 0,
  culpability: 0,
  harm: 0,
  messageBucket: 0,
  sizeBucket: -1,
  fingerprint: null,
};
const side = (features: Partial<ConductFeatures>, step: number, era = 1) => ({
  features: { ...base, ...features },
  step,
  era,
});

describe('what differs between two like precedents', () => {
  it('finds nothing to explain a gap between the same conduct', () => {
    expect(pairDifferences(side({}, 3), side({}, 6))).toEqual([]);
  });

  it('says a difference explains the gap only when it points the way the outcomes went', () => {
    // The harsher one had premeditation (aggravating bit 4): explains.
    const [aggravating] = pairDifferences(side({}, 3), side({ factorMask: 1 << 4 }, 6));
    expect(aggravating).toEqual({ kind: 'aggravating', a: 'none', b: 'premeditation', explains: true });
    // The lighter one had it: it does not explain the gap, it deepens it.
    expect(pairDifferences(side({ factorMask: 1 << 4 }, 3), side({}, 6))[0].explains).toBe(false);
    // The lighter one admitted early (conduct mitigation): explains.
    expect(pairDifferences(side({ factorMask: 1 << 13 }, 3), side({}, 6))[0]).toMatchObject({
      kind: 'mitigating',
      explains: true,
    });
    // Personal mitigation alone (good record, bit 13 + 7) is shown but does not explain.
    expect(pairDifferences(side({ factorMask: 1 << 20 }, 3), side({}, 6))[0]).toMatchObject({
      kind: 'mitigating',
      explains: false,
    });
    expect(pairDifferences(side({ participation: 1 }, 3), side({ participation: 0 }, 6))[0]).toMatchObject({
      kind: 'participation',
      a: 'shared',
      b: 'author',
      explains: true,
    });
    expect(pairDifferences(side({ audienceRank: 0 }, 3), side({ audienceRank: 2 }, 6))[0]).toMatchObject({
      kind: 'reach',
      explains: false,
    });
    expect(pairDifferences(side({ role: 0 }, 3), side({ role: 4 }, 6))[0]).toMatchObject({
      kind: 'rank',
      a: 'constable',
      b: 'superintendent',
      explains: true,
    });
  });

  it('counts the presumption of dismissal among the rules that may explain a harsher outcome', () => {
    const [regime] = pairDifferences(side({}, 3, 2), side({}, 6, 3));
    expect(regime).toMatchObject({ kind: 'regime', explains: true });
    expect(differenceSentence(regime)).toBe(
      'Rules in force: 2020 Regulations, chief-officer chair where the outcome was lighter; 2020 Regulations, chief-officer chair, presumption of dismissal where it was harsher. This may explain the gap.',
    );
    expect(pairDifferences(side({}, 3, 0), side({}, 6, 1))[0].explains).toBe(false);
  });

  it('ranks alike, far-apart, unexplained pairs first', () => {
    const explaining = [{ kind: 'aggravating' as const, a: '', b: '', explains: true }];
    expect(inconsistencyScore(1, 3, [], 1)).toBe(3);
    expect(inconsistencyScore(1, 3, [])).toBe(2.25);
    expect(inconsistencyScore(1, 3, explaining, 1)).toBe(1.5);
    expect(inconsistencyScore(0.9, 4, [], 1)).toBeLessThan(inconsistencyScore(1, 4, [], 1));
    expect(inconsistencyScore(1, 2, [], 1)).toBeLessThan(inconsistencyScore(1, 3, [], 1));
  });
});
