import seedrandom from 'seedrandom';
import { sampleCorrelation } from 'simple-statistics';
import { analyseDisparity, DEFAULT_ANALYSIS_OPTIONS } from '../consistency/disparity-analysis';
import { latentDistanceRatio } from '../synth/latent-distance';
import { syntheticPrecedents, type SeriousnessDriver } from '../synth/synthetic-precedents';
import { conductFeatures } from './conduct-features';
import { FORCE_CODE_LIST, indexRecords } from './indexing';
import {
  calibrate,
  flatten,
  learnSimilarity,
  MAX_PART_WEIGHT,
  MIN_PART_WEIGHT,
  MIN_PRECEDENTS_TO_LEARN,
  unflatten,
} from './similarity-learning';
import {
  combine,
  DEFAULT_MODEL,
  rawSimilarity,
  shownSimilarity,
  similarityParts,
  type SimilarityModel,
} from './similarity.rules';

// The analytics issue's held-out check (docs/analytics-method.md §3.4): weights learned on 16,000
// precedents of a generator, measured on 4,000 others of the same generator that they never saw.

describe.each<SeriousnessDriver>(['what-was-said', 'factor-counts', 'reach-and-volume'])(
  'similarity learned on a generator where %s drives seriousness',
  (driver) => {
    const cases = [
      ...syntheticPrecedents({ cases: 20_000, seed: `held-out ${driver}`, seriousness: driver }),
    ];
    const fitted = indexRecords(
      cases.slice(0, 16_000).map((item) => item.record),
      16_000,
    );
    const learned = learnSimilarity(fitted);
    const everything = indexRecords(
      cases.map((item) => item.record),
      cases.length,
    );

    it('is kept, because it does better than the fixed weights on queries it was not fitted on', () => {
      expect(learned.learned).toBe(true);
      expect(learned.check.withLearned).toBeLessThan(learned.check.withDefault);
    });

    it('keeps every part within its bounds, adding up to 1', () => {
      const weights = Object.values(learned.model.weights);
      expect(weights.reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 9);
      for (const weight of weights) {
        expect(weight).toBeGreaterThanOrEqual(MIN_PART_WEIGHT - 1e-9);
        expect(weight).toBeLessThanOrEqual(MAX_PART_WEIGHT + 1e-9);
      }
      expect(Object.values(learned.model.factorShares).reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 9);
    });

    it("shows its similarities on the fixed weights' scale, so the band's 0.6 keeps its meaning", () => {
      const heldOut = Array.from({ length: 200 }, (_, at) => 16_000 + at);
      const shareAtLeast = (model: SimilarityModel) => {
        everything.reweight(model);
        const found = heldOut.flatMap((at) =>
          everything.search(conductFeatures(cases[at].record), { k: 20, excludeIndex: at }),
        );
        return found.filter((n) => n.similarity >= 0.6).length / found.length;
      };
      expect(Math.abs(shareAtLeast(learned.model) - shareAtLeast(DEFAULT_MODEL))).toBeLessThan(0.1);
      // and a minimum asked of the search is read on the same scale
      everything.reweight(learned.model);
      const query = conductFeatures(cases[16_000].record);
      for (const n of everything.search(query, { k: 20, minSimilarity: 0.6 }))
        expect(n.similarity).toBeGreaterThanOrEqual(0.6);
    });

    it('finds held-out comparables at most 0.4 of the random distance in latent seriousness', () => {
      everything.reweight(learned.model);
      const heldOut = Array.from({ length: 300 }, (_, at) => 16_000 + at);
      expect(
        latentDistanceRatio(cases, everything, heldOut, seedrandom('held-out draws')),
      ).toBeLessThanOrEqual(0.4);
    });
  },
);

describe('learning similarity', () => {
  it('keeps the fixed weights below the data size it needs, and says why', () => {
    const few = [...syntheticPrecedents({ cases: MIN_PRECEDENTS_TO_LEARN - 1, seed: 'few' })];
    const learned = learnSimilarity(indexRecords(few.map((item) => item.record)));
    expect(learned).toMatchObject({ learned: false, model: DEFAULT_MODEL });
    expect(learned.reason).toMatch(/at least 2,000 are needed/);
  });

  it('maps learned similarities onto the fixed scale by quantiles, keeping their order', () => {
    const calibration = calibrate(
      Float64Array.from([0.2, 0.3, 0.4, 0.5]),
      Float64Array.from([0.5, 0.6, 0.7, 0.8]),
    );
    const model: SimilarityModel = { ...DEFAULT_MODEL, calibration };
    expect(shownSimilarity(model, 0.3)).toBeCloseTo(0.6, 9);
    expect(rawSimilarity(model, 0.6)).toBeCloseTo(0.3, 9);
    const shown = [0, 0.1, 0.25, 0.35, 0.45, 0.6, 0.9, 1].map((raw) => shownSimilarity(model, raw));
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown[0]).toBe(0);
    expect(shown[shown.length - 1]).toBe(1);
    // without a calibration a similarity is shown as it is
    expect(shownSimilarity(DEFAULT_MODEL, 0.42)).toBe(0.42);
  });

  it('turns a model into one weight per sub-part and back', () => {
    const back = unflatten(flatten(DEFAULT_MODEL));
    for (const [part, weight] of Object.entries(DEFAULT_MODEL.weights))
      expect(back.weights[part as keyof typeof back.weights]).toBeCloseTo(weight, 9);
    for (const [share, value] of Object.entries(DEFAULT_MODEL.factorShares))
      expect(back.factorShares[share as keyof typeof back.factorShares]).toBeCloseTo(value, 9);
  });

  it('searches exactly under a model that counts factors by number and balance', () => {
    const model: SimilarityModel = {
      weights: { ...DEFAULT_MODEL.weights },
      factorShares: { which: 0.1, count: 0.3, balance: 0.3, culpability: 0.15, harm: 0.15 },
    };
    const records = [
      ...syntheticPrecedents({ cases: 3000, seed: 'exact', seriousness: 'factor-counts' }),
    ].map((item) => item.record);
    const index = indexRecords(records).reweight(model);
    const all = records.map((record) => conductFeatures(record));
    for (let trial = 0; trial < 40; trial++) {
      const query = all[trial];
      const brute = all
        .map((features) =>
          combine(
            similarityParts(query, features, model.factorShares),
            model.weights,
            query.fingerprint !== null,
          ),
        )
        .sort((a, b) => b - a)
        .slice(0, 20);
      const found = index.search(query, { k: 20 }).map((n) => n.similarity);
      expect(found).toEqual(brute.map((similarity) => expect.closeTo(similarity, 9)));
    }
  });
});

describe('force disparity with learned similarity, on a generator where factor counts drive seriousness', () => {
  const biasedForces = ['kent', 'essex', 'merseyside', 'dyfed-powys', 'cleveland', 'dorset'];
  const sizes = [0.6, -0.6, 0.9, -0.9, 1.2, -1.2];
  const biases = Object.fromEntries(biasedForces.map((force, at) => [force, sizes[at]]));
  const cases = [
    ...syntheticPrecedents({
      cases: 24_000,
      seed: 'learned disparity',
      biases,
      seriousness: 'factor-counts',
    }),
  ];
  const index = indexRecords(
    cases.map((item) => item.record),
    cases.length,
  );
  const options = { ...DEFAULT_ANALYSIS_OPTIONS, bootstrapSamples: 300 };
  // as the recompute does: weights fitted with the last measured severity taken out
  const first = analyseDisparity(index, FORCE_CODE_LIST, options);
  const severity = new Map(
    first.forces.map((force) => [FORCE_CODE_LIST.indexOf(force.force), force.relativeSeverity]),
  );
  const learned = learnSimilarity(index, (force) => severity.get(force) ?? 0);
  const analysis = analyseDisparity(index.reweight(learned.model), FORCE_CODE_LIST, options);

  it('recovers the injected biases (Pearson r ≥ 0.98) and flags no unbiased force', () => {
    expect(learned.learned).toBe(true);
    const injected = analysis.forces.map((force) => biases[force.force] ?? 0);
    const estimated = analysis.forces.map((force) => force.relativeSeverity);
    expect(sampleCorrelation(injected, estimated)).toBeGreaterThanOrEqual(0.98);
    expect(analysis.forces.filter((force) => !biases[force.force] && force.flagged)).toEqual([]);
    for (const force of analysis.forces.filter((f) => Math.abs(biases[f.force] ?? 0) >= 0.9)) {
      expect({ force: force.force, flagged: force.flagged, sign: Math.sign(force.relativeSeverity) }).toEqual(
        {
          force: force.force,
          flagged: true,
          sign: Math.sign(biases[force.force]),
        },
      );
    }
  });
});
