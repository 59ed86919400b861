import { similarityInWords } from './similarity.presenter';

const model = {
  weights: {
    text: 0.16,
    categories: 0.03,
    targets: 0.06,
    audience: 0.04,
    platform: 0.02,
    factors: 0.37,
    role: 0.12,
    volume: 0.2,
  },
  factorShares: { which: 0, count: 0.12, balance: 0.09, culpability: 0.4, harm: 0.39 },
};

describe('similarity in words', () => {
  it('says the weights were learned, on how many precedents, and how much better they did', () => {
    const words = similarityInWords({
      model,
      learned: true,
      precedents: 24000,
      dataVersion: '7',
      learnedAt: '2026-12-03T10:00:00.000Z',
      check: { withDefault: 1.25, withLearned: 0.81, queries: 150 },
    });
    expect(words.sentence).toContain('learned from the 24,000 precedents');
    expect(words.sentence).toContain('0.81 steps away, against 1.25 with the fixed weights');
    expect(words.rows[0]).toEqual({
      part: 'the aggravating and mitigating factors, culpability and harm',
      percent: 37,
    });
    // a share of nothing is left out rather than shown as 0%
    expect(words.factorRows.map((row) => row.part)).not.toContain('which factors were found');
    expect(JSON.stringify(words)).not.toMatch(/factorShares|culpability":|_/);
  });

  it('says why the fixed weights stayed', () => {
    const words = similarityInWords({
      model,
      learned: false,
      reason: '120 precedents: at least 2,000 are needed before weights are learned',
      precedents: 120,
      dataVersion: '2',
      learnedAt: '2026-12-03T10:00:00.000Z',
      check: { withDefault: 0, withLearned: 0, queries: 0 },
    });
    expect(words.sentence).toBe(
      'How alike two cases are is counted with fixed weights: 120 precedents: at least 2,000 are needed before weights are learned.',
    );
  });

  it('explains figures computed before learning existed', () => {
    expect(similarityInWords(null).sentence).toMatch(/fixed weights were used/);
  });
});
