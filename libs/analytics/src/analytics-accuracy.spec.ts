import seedrandom from 'seedrandom';
import { sampleCorrelation } from 'simple-statistics';
import type { PrecedentRecord } from '@precedent/exchange';
import { conductFeatures, type ConductFeatures } from './comparables/conduct-features';
import { FORCE_CODE_LIST, indexRecords } from './comparables/indexing';
import { combine, similarityParts } from './comparables/similarity.rules';
import { analyseDisparity, DEFAULT_ANALYSIS_OPTIONS } from './consistency/disparity-analysis';
import { latentDistanceRatio } from './synth/latent-distance';
import { syntheticPrecedents } from './synth/synthetic-precedents';

// Accuracy on the project's own synthetic data (docs/analytics-method.md §5; the analytics issue's thresholds).

describe('comparables', () => {
  const cases = [...syntheticPrecedents({ cases: 20_000, seed: 'accuracy' })];
  const records = cases.map((item) => item.record);
  const index = indexRecords(records, records.length);
  const random = seedrandom('trials');

  it('finds exactly the k most similar, as comparing against every precedent would', () => {
    const small = records.slice(0, 3000);
    const smallIndex = indexRecords(small);
    const all = small.map((record) => conductFeatures(record));
    // Every precedent compared with the query: the answer the index must give, under a filter.
    const bruteForce = (query: ConductFeatures, keep: (at: number) => boolean) =>
      all
        .map((features, at) => ({
          at,
          similarity: combine(
            similarityParts(query, features),
            smallIndex.weights,
            query.fingerprint !== null,
          ),
        }))
        .filter(({ at }) => keep(at))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 20);
    for (let trial = 0; trial < 60; trial++) {
      const query = conductFeatures(records[3000 + trial]);
      const brute = bruteForce(query, () => true);
      const found = smallIndex.search(query, { k: 20 });
      expect(found.map((n) => n.similarity)).toEqual(brute.map((n) => expect.closeTo(n.similarity, 9)));
      // With a filter too: only other forces than the query's.
      const force = smallIndex.precedentAt(trial).force;
      const bruteOthers = bruteForce(query, (at) => smallIndex.precedentAt(at).force !== force);
      const foundOthers = smallIndex.search(query, { k: 20, excludeForce: force });
      expect(foundOthers.map((n) => n.similarity)).toEqual(
        bruteOthers.map((n) => expect.closeTo(n.similarity, 9)),
      );
    }
  });

  it('follow the latent truth: top 20 at most half as far in seriousness as 20 random precedents', () => {
    const queries = Array.from({ length: 300 }, () => Math.floor(random() * cases.length));
    expect(latentDistanceRatio(cases, index, queries, random)).toBeLessThanOrEqual(0.5);
  });

  it('find the original comment as the top comparable of a lightly obfuscated copy in at least 95% of trials', () => {
    let found = 0;
    const trials = 400;
    for (let trial = 0; trial < trials; trial++) {
      const at = Math.floor(random() * cases.length);
      const original = records[at];
      const disguised: PrecedentRecord = {
        ...original,
        conduct: original.conduct.map((item) => ({
          ...item,
          text: item.text ? obfuscate(item.text, random) : item.text,
        })),
      };
      const top = index.search(conductFeatures(disguised), { k: 1 })[0];
      if (top.index === at) found++;
    }
    expect(found / trials).toBeGreaterThanOrEqual(0.95);
  });
});

describe('force disparity', () => {
  // 12 of the 46 forces biased by ±0.5 to ±1.2 steps.
  const biases: Record<string, number> = {};
  const biasedForces = [
    'kent',
    'essex',
    'merseyside',
    'dyfed-powys',
    'cleveland',
    'dorset',
    'lancashire',
    'norfolk',
    'durham',
    'west-mercia',
    'gwent',
    'suffolk',
  ];
  const sizes = [0.5, -0.5, 0.7, -0.7, 0.9, -0.9, 1.0, -1.0, 1.1, -1.1, 1.2, -1.2];
  biasedForces.forEach((force, at) => (biases[force] = sizes[at]));
  const cases = [...syntheticPrecedents({ cases: 24_000, seed: 'disparity', biases })];
  const index = indexRecords(
    cases.map((item) => item.record),
    cases.length,
  );
  const analysis = analyseDisparity(index, FORCE_CODE_LIST, {
    ...DEFAULT_ANALYSIS_OPTIONS,
    bootstrapSamples: 300,
  });

  it('uses the forces the file names', () => {
    expect(biasedForces.every((force) => FORCE_CODE_LIST.includes(force))).toBe(true);
    expect(analysis.forces).toHaveLength(46);
  });

  it('recovers the injected biases (Pearson r ≥ 0.95)', () => {
    const injected = analysis.forces.map((force) => biases[force.force] ?? 0);
    const estimated = analysis.forces.map((force) => force.relativeSeverity);
    expect(sampleCorrelation(injected, estimated)).toBeGreaterThanOrEqual(0.95);
  });

  it('flags every force biased by 0.9 steps or more with the right sign, and at most 2 unbiased forces', () => {
    for (const force of analysis.forces) {
      const bias = biases[force.force] ?? 0;
      if (Math.abs(bias) >= 0.9) {
        expect({
          force: force.force,
          flagged: force.flagged,
          sign: Math.sign(force.relativeSeverity),
        }).toEqual({
          force: force.force,
          flagged: true,
          sign: Math.sign(bias),
        });
      }
    }
    const unbiasedFlagged = analysis.forces.filter((force) => !biases[force.force] && force.flagged);
    expect(unbiasedFlagged.length).toBeLessThanOrEqual(2);
  });

  it('reports consistency nationally, by force, year and category, and lists outliers', () => {
    expect(analysis.consistencyIndex).toBeGreaterThan(0);
    expect(analysis.consistencyByForce).toHaveLength(46);
    expect(analysis.consistencyByYear.length).toBeGreaterThanOrEqual(10);
    expect(analysis.consistencyByCategory.map((group) => group.group)).toContain('discriminatory');
    expect(analysis.outliers.length).toBeGreaterThan(0);
  });
});

/** Light obfuscation as people type to dodge filters: case, repeats, digits, separators, asterisks. */
function obfuscate(text: string, random: () => number): string {
  const leet: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
  return text
    .split(' ')
    .map((word) => {
      let out = '';
      for (const char of word) {
        const draw = random();
        if (draw < 0.1 && leet[char]) out += leet[char];
        else if (draw < 0.15) out += char.toUpperCase();
        else if (draw < 0.2) out += char + char + char;
        else if (draw < 0.23) out += char + '.';
        else if (draw < 0.25 && out.length > 0) out += '*';
        else out += char;
      }
      return out;
    })
    .join(random() < 0.5 ? ' ' : '  ');
}
