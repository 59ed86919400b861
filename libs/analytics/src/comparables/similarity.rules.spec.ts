import type { ConductProfile } from '@precedent/exchange';
import { conductFeatures } from './conduct-features';
import {
  combine,
  DEFAULT_MODEL,
  modelForStated,
  similarityParts,
  statedConduct,
  statedKey,
  statedParts,
  statedWeight,
  MIN_STATED_WEIGHT,
  type SimilarityModel,
} from './similarity.rules';

// A learned model that leans on factors and levels, as models learned from the national data do.
const LEARNED: SimilarityModel = {
  weights: {
    text: 0.1,
    categories: 0.1,
    targets: 0.05,
    audience: 0.05,
    platform: 0.05,
    factors: 0.4,
    role: 0.15,
    volume: 0.1,
  },
  factorShares: { which: 0.2, count: 0.3, balance: 0.1, culpability: 0.2, harm: 0.2 },
  calibration: { raw: [0.3, 0.6], shown: [0.4, 0.7] },
};

const textOnly: ConductProfile = {
  subject: { role: 'constable', formerOfficer: false },
  conduct: [
    {
      platform: 'whatsapp',
      audience: 'private_group',
      text: 'they should all be sent back',
      categories: [],
      targets: [],
      participation: 'author',
    },
  ],
  standards: ['equality_and_diversity'],
  aggravating: [],
  mitigating: [],
};

const full: ConductProfile = {
  ...textOnly,
  conduct: [
    { ...textOnly.conduct[0], categories: ['discriminatory'], targets: ['race'], audienceSize: 1200 },
  ],
  messageCount: 40,
  culpability: 'high',
  harm: 'medium',
  aggravating: ['repeated_or_sustained'],
  mitigating: ['early_admission'],
};

describe('what a query states', () => {
  it('states the required parts always, and wording, kinds, targets, factors and volume only when given', () => {
    expect([...statedConduct(textOnly).parts].sort()).toEqual(['audience', 'platform', 'role', 'text']);
    expect(
      statedConduct({ ...textOnly, conduct: [{ ...textOnly.conduct[0], text: '  ' }] }).parts.has('text'),
    ).toBe(false);
    expect(statedConduct(full)).toEqual({
      parts: new Set(['audience', 'platform', 'role', 'text', 'categories', 'targets', 'factors', 'volume']),
      factorList: true,
      culpability: true,
      harm: true,
    });
    const levelsOnly = statedConduct({ ...textOnly, harm: 'low' });
    expect(levelsOnly).toMatchObject({ factorList: false, culpability: false, harm: true });
    expect(levelsOnly.parts.has('factors')).toBe(true);
    expect(statedKey(levelsOnly)).not.toBe(statedKey(statedConduct({ ...textOnly, culpability: 'low' })));
  });
});

describe('a model counting only what a query states', () => {
  it('leaves the unstated parts out and scales the stated ones to add to 1 in the same proportions', () => {
    const model = modelForStated(LEARNED, statedConduct(textOnly));
    // stated: text 0.1, audience 0.05, platform 0.05, role 0.15 of 0.35
    expect(model.weights.text).toBeCloseTo(0.1 / 0.35, 10);
    expect(model.weights.role).toBeCloseTo(0.15 / 0.35, 10);
    expect(model.weights.factors).toBe(0);
    expect(model.weights.categories).toBe(0);
    expect(model.weights.volume).toBe(0);
    expect(Object.values(model.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(model.calibration).toBe(LEARNED.calibration);
  });

  it('within the factors, leaves out the levels not given, or the list when only levels are', () => {
    const listOnly = modelForStated(
      LEARNED,
      statedConduct({ ...full, culpability: undefined, harm: undefined }),
    );
    expect(listOnly.factorShares).toEqual({
      which: expect.closeTo(0.2 / 0.6, 10),
      count: expect.closeTo(0.3 / 0.6, 10),
      balance: expect.closeTo(0.1 / 0.6, 10),
      culpability: 0,
      harm: 0,
    });
    const harmOnly = modelForStated(LEARNED, statedConduct({ ...textOnly, harm: 'low' }));
    expect(harmOnly.factorShares).toEqual({ which: 0, count: 0, balance: 0, culpability: 0, harm: 1 });
    expect(harmOnly.weights.factors).toBeCloseTo(0.4 / 0.75, 10);
  });

  it('keeps a full profile scored as the model scores it', () => {
    const model = modelForStated(LEARNED, statedConduct(full));
    expect(model.weights).toEqual(LEARNED.weights);
    expect(model.factorShares).toEqual(LEARNED.factorShares);
  });

  it('drops the factors part when the model gives what was stated of it no share', () => {
    const model = modelForStated(
      DEFAULT_MODEL,
      statedConduct({ ...textOnly, aggravating: [], culpability: undefined }),
    );
    expect(model.weights.factors).toBe(0);
    // the fixed shares give the count and balance nothing: a list alone still counts by which factors
    const listed = modelForStated(
      DEFAULT_MODEL,
      statedConduct({ ...textOnly, aggravating: ['repeated_or_sustained'] }),
    );
    expect(listed.factorShares.which).toBe(1);
  });

  it('scores a text-only query on an identical wording as fully alike, whatever the unstated parts hold', () => {
    const query = conductFeatures(textOnly);
    const other = conductFeatures({
      ...full,
      culpability: 'low',
      aggravating: ['repeated_or_sustained', 'premeditation'],
    });
    const partial = modelForStated(LEARNED, statedConduct(textOnly));
    const withAll = combine(similarityParts(query, other, LEARNED.factorShares), LEARNED.weights, true);
    const withStated = combine(similarityParts(query, other, partial.factorShares), partial.weights, true);
    expect(withStated).toBeCloseTo(1, 10);
    expect(withAll).toBeLessThan(0.6);
  });

  it('lists only the stated parts as reasons', () => {
    const parts = similarityParts(conductFeatures(textOnly), conductFeatures(full));
    expect(Object.keys(statedParts(parts, statedConduct(textOnly))).sort()).toEqual([
      'audience',
      'platform',
      'role',
      'text',
    ]);
    expect(Object.keys(statedParts(parts, statedConduct(full)))).toHaveLength(8);
  });
});

describe('how much of a model a query states', () => {
  it('adds the weights of the stated parts, and of the factors part only the shares given', () => {
    expect(statedWeight(LEARNED, statedConduct(full))).toBeCloseTo(1, 10);
    // text 0.1, audience 0.05, platform 0.05, role 0.15
    expect(statedWeight(LEARNED, statedConduct(textOnly))).toBeCloseTo(0.35, 10);
    // and the harm level: 0.4 × 0.2
    expect(statedWeight(LEARNED, statedConduct({ ...textOnly, harm: 'low' }))).toBeCloseTo(0.43, 10);
    expect(statedWeight(LEARNED, statedConduct(textOnly))).toBeLessThan(MIN_STATED_WEIGHT);
  });
});
