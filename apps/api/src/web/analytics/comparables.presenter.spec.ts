import type { ComparablesAnswer } from '@precedent/analytics';
import { presentOtherWay } from './other-way.presenter';
import {
  ordinal,
  presentComparables,
  similarityModelSentence,
  stepInOutcomes,
  whyComparable,
  whyComparableList,
} from './comparables.presenter';

describe('comparables as a panel reads them', () => {
  const parts = {
    text: 0,
    categories: 1,
    targets: 1,
    audience: 0.75,
    platform: 0,
    factors: 1,
    role: 1,
    volume: 0.4,
  };

  it('says why a precedent is comparable as what is shared and what differs, in words', () => {
    expect(whyComparableList(parts, true)).toEqual({
      shared: [
        'the same kind of comment',
        'the same who it was about',
        'the same aggravating and mitigating factors',
        "the same officer's part and rank",
      ],
      differs: [
        'different wording',
        'a partly different who could see it',
        'a different platform',
        'a different number of messages and people reached',
      ],
    });
    expect(whyComparableList(parts, false).differs).not.toContain('different wording');
    expect(whyComparable(parts, false)).not.toMatch(/%|\.\s*[a-z]/);
  });

  it('writes percentiles as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 92, 100, 91.6, 101, 111, 113].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '92nd',
      '100th',
      '92nd',
      '101st',
      '111th',
      '113th',
    ]);
  });

  it('names the band in the outcomes the comparables received, and orders the distribution by severity', () => {
    expect(stepInOutcomes(6, ['dismissal_without_notice', 'written_warning'])).toBe(
      'dismissal without notice',
    );
    expect(stepInOutcomes(6, ['dismissal_with_notice', 'dismissal_without_notice'])).toBe(
      'dismissal with notice or dismissal without notice',
    );
    expect(stepInOutcomes(4, [])).toBe('final written warning');
    const item = (
      outcome: ComparablesAnswer['items'][number]['outcome'],
      step: number,
      similarity: number,
    ) => ({
      ref: `r-${outcome}-${similarity}`,
      force: 'kent',
      decidedOn: '2025-07-01',
      forum: 'misconduct_hearing' as const,
      finding: 'gross_misconduct' as const,
      outcome,
      step,
      rules: '2020 Regulations, chief-officer chair, presumption of dismissal',
      said: '“words”',
      similarity,
      parts,
    });
    const answer: ComparablesAnswer = {
      items: [
        item('dismissal_without_notice', 6, 0.9),
        item('written_warning', 3, 0.8),
        item('written_warning', 3, 0.7),
      ],
      comparables: 3,
      similarityModel: { kind: 'learned', dataVersion: '7', learnedAt: '2026-12-01T09:00:00.000Z' },
      distribution: [
        { outcome: 'written_warning', weight: 0.625 },
        { outcome: 'dismissal_without_notice', weight: 0.375 },
      ].reverse() as ComparablesAnswer['distribution'],
      medianStep: 3,
      band: { lowStep: 3, highStep: 6 },
      proposed: { step: 6, percentile: 92, outsideBand: false },
      dataVersion: '1',
    };
    const presented = presentComparables(answer, true);
    expect(presented.distribution.map((entry) => [entry.label, entry.cases])).toEqual([
      ['written warning', 2],
      ['dismissal without notice', 1],
    ]);
    expect(presented.band).toEqual({
      low: 'written warning',
      high: 'dismissal without notice',
      median: 'written warning',
    });
    expect(presented.proposed).toMatchObject({ ordinal: '92nd' });
    expect(presented.model).toContain('learned from the precedents in the store (data version 7');
    expect(
      similarityModelSentence({ kind: 'default', reason: 'no similarity has been learned yet' }),
    ).toMatch(/fixed weights.*no similarity has been learned yet\.$/);
    expect(presented.proposed?.legend).toContain('orange');
    expect(presented.items[0]).toMatchObject({
      forceName: 'Kent Police',
      year: '2025',
      forumText: 'Misconduct hearing',
      findingText: 'gross misconduct',
      said: '“words”',
    });
  });
});

describe('the closest precedents that went the other way', () => {
  it('says what they went the other way from, and which way each went', () => {
    const parts = {
      text: 0,
      categories: 1,
      targets: 1,
      audience: 1,
      platform: 1,
      factors: 1,
      role: 1,
      volume: 1,
    };
    const presented = presentOtherWay({
      referenceStep: 3,
      basis: 'comparables',
      items: [
        {
          ref: 'x',
          force: 'essex',
          decidedOn: '2024-03-01',
          forum: 'misconduct_hearing',
          finding: 'gross_misconduct',
          outcome: 'dismissal_without_notice',
          step: 6,
          rules: '2020 Regulations, legally qualified chair',
          said: null,
          similarity: 0.91,
          parts,
        },
      ],
    });
    expect(presented.intro).toBe(
      'Most comparable cases received about written warning. These alike cases received an outcome two or more steps away from that.',
    );
    expect(presented.items[0]).toMatchObject({
      heading: 'Essex Police, 2024: dismissal without notice',
      direction: 'harsher',
      said: 'The record does not say what was said.',
    });
    expect(presentOtherWay(null).intro).toBeNull();
    expect(presentOtherWay({ referenceStep: 0, basis: 'given', items: [] }).intro).toContain(
      'No alike precedent',
    );
  });
});
