import { consistencyIndexSentence, homeForceSentence, homeForceVerdict } from './reports.presenter';
import { alikeSentence, presentPairs } from './consistency.presenter';

describe('the reports in words', () => {
  const kent = { force: 'kent', n: 480, relativeSeverity: 0.92, ciLow: 0.61, ciHigh: 1.18, flagged: true };

  it('opens with one sentence about the home force against the rest, with its interval and cases', () => {
    expect(homeForceSentence(kent, 'Kent Police')).toBe(
      "For comparable conduct, Kent Police's outcomes were on average 0.9 steps more severe than other forces' (95% interval 0.6 to 1.2; 480 cases).",
    );
    expect(
      homeForceSentence({ ...kent, relativeSeverity: -0.4, ciLow: -0.7, ciHigh: -0.1, n: 1 }, 'Essex Police'),
    ).toBe(
      "For comparable conduct, Essex Police's outcomes were on average 0.4 steps less severe than other forces' (95% interval -0.7 to -0.1; 1 case).",
    );
    expect(homeForceSentence({ ...kent, relativeSeverity: 0.01 }, 'Kent Police')).toContain(
      'about as severe',
    );
    expect(homeForceSentence(undefined, 'Kent Police')).toContain('no precedents from Kent Police');
    expect(homeForceSentence(undefined, null)).toContain('No home force is set');
    expect(homeForceVerdict(kent, 0.25)).toContain('large enough to look into');
    expect(homeForceVerdict({ ...kent, flagged: false }, 0.25)).toContain('not large enough');
  });

  it('explains the national index in words with the cases it rests on', () => {
    expect(consistencyIndexSentence({ consistencyIndex: 1.004, measured: 12000 })).toBe(
      "On average a precedent's outcome was 1.00 steps away from the outcomes of its 20 most comparable precedents (12,000 cases measured). Lower is more consistent: 0 would mean every comparable case got the same outcome.",
    );
  });

  it("puts the home force's pairs first and can keep only those decided under today's rules", () => {
    const side = (
      force: string,
      decidedOn: string,
      outcome: 'written_warning' | 'dismissal_without_notice',
    ) => ({
      ref: `${force}-${decidedOn}`,
      force,
      forceName: force,
      decidedOn,
      forum: 'misconduct_hearing' as const,
      finding: 'gross_misconduct' as const,
      outcome,
      step: outcome === 'written_warning' ? 3 : 6,
      rules: '2020 Regulations',
      said: null,
    });
    const pair = (a: string, b: string, decidedOn: string) => ({
      a: side(a, decidedOn, 'written_warning'),
      b: side(b, decidedOn, 'dismissal_without_notice'),
      similarity: 0.95,
      stepGap: 3,
      parts: {
        text: 0,
        categories: 1,
        targets: 1,
        audience: 1,
        platform: 1,
        factors: 0.5,
        role: 1,
        volume: 1,
      },
      differences: [],
      explained: false,
      score: 2,
    });
    const report = {
      computedAt: '2026-11-01T00:00:00Z',
      dataVersion: '3',
      precedents: 10,
      total: 3,
      pairs: [
        pair('essex', 'cumbria', '2021-01-01'),
        pair('essex', 'kent', '2026-08-01'),
        pair('kent', 'essex', '2023-01-01'),
      ],
    };
    const presented = presentPairs(report, { homeForce: 'kent' });
    expect(presented.map((item) => item.ours)).toEqual([true, true, false]);
    expect(presented[0].differences[0]).toContain('Nothing recorded differs');
    expect(presented[0].a.said).toBe('The record does not say what was said.');
    expect(presentPairs(report, { homeForce: 'kent', todaysRulesFrom: '2026-06-30' })).toHaveLength(1);
    expect(alikeSentence(report.pairs[0])).toBe(
      "The same what kind of comment it was, who it was about, who could see it, the platform, the subject's part and rank and how many messages and people.",
    );
  });
});
