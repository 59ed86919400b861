import seedrandom from 'seedrandom';
import { hammingDistance, textSimilarityFromDistance } from '../text/text-matching.rules';
import type { ConductFeatures } from './conduct-features';
import type { PrecedentIndex } from './precedent-index';
import {
  DEFAULT_MODEL,
  PARTICIPATION_SHARE,
  aggravatingCount,
  audienceSimilarity,
  factorBalanceSimilarity,
  factorCountSimilarity,
  jaccard,
  levelSimilarity,
  mitigatingCount,
  participationSimilarity,
  subjectSimilarity,
  volumeSimilarity,
  type FactorShares,
  type SimilarityCalibration,
  type SimilarityModel,
  type SimilarityParts,
} from './similarity.rules';

/**
 * Similarity learned from the national store (docs/analytics-method.md §3.4): the weights of the
 * parts, and within the factors part the shares of which factors, how many, the balance and the
 * two levels, are fitted so that each precedent's nearest comparables agree best on outcome once
 * each force's own severity is taken out. Only the conduct's legally relevant features take part:
 * never the force, the year or anything about the officer beyond rank and part played.
 *
 * The fit is a coordinate search over bounded weights on a sample (queries against a pool), and
 * the result is kept only if it also does better on queries it was not fitted on; otherwise, and
 * below MIN_PRECEDENTS_TO_LEARN, today's fixed weights stay.
 */

/**
 * Below this many precedents the sample's agreement is too noisy to move weights on: 300 fitting
 * queries each need a pool in which some twenty comparables are really alike, and on the
 * synthetic sets a pool under 2,000 gave weights that changed from one seed to the next.
 */
export const MIN_PRECEDENTS_TO_LEARN = 2_000;
/** No part of the similarity may count for less than this or more than that. */
export const MIN_PART_WEIGHT = 0.02;
export const MAX_PART_WEIGHT = 0.4;

export interface LearningOptions {
  /** Queries the weights are fitted on, and held-out queries that decide whether they are kept. */
  fitQueries: number;
  checkQueries: number;
  /** Precedents each query is compared with (a sample of the store). */
  pool: number;
  k: number;
  rounds: number;
  seed: string;
}

export const DEFAULT_LEARNING_OPTIONS: LearningOptions = {
  fitQueries: 300,
  checkQueries: 150,
  pool: 4_000,
  k: 20,
  rounds: 4,
  seed: 'similarity-weights',
};

export interface LearnedSimilarity {
  model: SimilarityModel;
  /** False when today's fixed weights stayed; `reason` says why. */
  learned: boolean;
  reason?: string;
  precedents: number;
  /**
   * Mean outcome gap, in steps, between a held-out precedent and its k nearest comparables (force
   * severity taken out), with today's weights and with the learned ones.
   */
  check: { withDefault: number; withLearned: number; queries: number };
}

/** A learned model as the recompute stores it: with the data version it was learned on. */
export interface StoredSimilarity extends LearnedSimilarity {
  dataVersion: string;
  learnedAt: string;
}

/** The flat sub-parts, in this order: the factors part is split into its five shares. */
const SUB_PARTS = [
  'text',
  'categories',
  'targets',
  'audience',
  'platform',
  'which',
  'count',
  'balance',
  'culpability',
  'harm',
  'role',
  'volume',
] as const;
const WIDTH = SUB_PARTS.length;
const FACTOR_SUBS = ['which', 'count', 'balance', 'culpability', 'harm'] as const;

/** The sub-parts of one comparison, written at `out[at…at+12]`. */
export function subParts(
  query: ConductFeatures,
  other: ConductFeatures,
  out: Float32Array,
  at: number,
): void {
  const [aggA, mitA, aggB, mitB] = [
    aggravatingCount(query.factorMask),
    mitigatingCount(query.factorMask),
    aggravatingCount(other.factorMask),
    mitigatingCount(other.factorMask),
  ];
  out[at] =
    query.fingerprint && other.fingerprint
      ? textSimilarityFromDistance(hammingDistance(query.fingerprint, 0, other.fingerprint, 0))
      : 0;
  out[at + 1] = jaccard(query.categoryMask, other.categoryMask);
  out[at + 2] = jaccard(query.targetMask, other.targetMask);
  out[at + 3] = audienceSimilarity(
    query.audienceRank,
    query.identifiable,
    other.audienceRank,
    other.identifiable,
  );
  out[at + 4] = jaccard(query.platformMask, other.platformMask);
  out[at + 5] = jaccard(query.factorMask, other.factorMask);
  out[at + 6] = factorCountSimilarity(aggA, mitA, aggB, mitB);
  out[at + 7] = factorBalanceSimilarity(aggA, mitA, aggB, mitB);
  out[at + 8] = levelSimilarity(query.culpability, other.culpability);
  out[at + 9] = levelSimilarity(query.harm, other.harm);
  out[at + 10] =
    PARTICIPATION_SHARE * participationSimilarity(query.participation, other.participation) +
    (1 - PARTICIPATION_SHARE) *
      subjectSimilarity(query.role, query.formerOfficer, other.role, other.formerOfficer);
  out[at + 11] = volumeSimilarity(
    query.messageBucket,
    query.sizeBucket,
    other.messageBucket,
    other.sizeBucket,
  );
}

/** A model as one weight per sub-part (the factors' shares multiplied out). */
export function flatten(model: SimilarityModel): Float64Array {
  const { weights, factorShares } = model;
  const flat = new Float64Array(WIDTH);
  SUB_PARTS.forEach((name, at) => {
    flat[at] = (FACTOR_SUBS as readonly string[]).includes(name)
      ? weights.factors * factorShares[name as keyof FactorShares]
      : weights[name as keyof SimilarityParts];
  });
  return flat;
}

/** Flat weights back into parts that add up to 1 and factor shares that add up to 1. */
export function unflatten(flat: Float64Array): SimilarityModel {
  const total = flat.reduce((sum, w) => sum + w, 0);
  const at = (name: (typeof SUB_PARTS)[number]) => flat[SUB_PARTS.indexOf(name)] / total;
  const factors = FACTOR_SUBS.reduce((sum, name) => sum + at(name), 0);
  const weights: SimilarityParts = {
    text: at('text'),
    categories: at('categories'),
    targets: at('targets'),
    audience: at('audience'),
    platform: at('platform'),
    factors,
    role: at('role'),
    volume: at('volume'),
  };
  const share = (name: (typeof FACTOR_SUBS)[number]) => (factors > 0 ? at(name) / factors : 0);
  const factorShares: FactorShares = {
    which: share('which'),
    count: share('count'),
    balance: share('balance'),
    culpability: share('culpability'),
    harm: share('harm'),
  };
  return { weights, factorShares };
}

/** Every part within the bounds, once normalised. */
export function withinBounds(model: SimilarityModel): boolean {
  return Object.values(model.weights).every(
    (w) => w >= MIN_PART_WEIGHT - 1e-9 && w <= MAX_PART_WEIGHT + 1e-9,
  );
}

/**
 * Fits the similarity model to the precedents in the index. `severity(force)` is each force's
 * measured severity against the national picture, in steps (0 when not yet measured): it is taken
 * off every outcome, so that weights are not rewarded for finding precedents of the same force.
 */
export function learnSimilarity(
  index: PrecedentIndex,
  severity: (force: number) => number = () => 0,
  options: LearningOptions = DEFAULT_LEARNING_OPTIONS,
): LearnedSimilarity {
  const precedents = index.count;
  const fallback = (reason: string): LearnedSimilarity => ({
    model: DEFAULT_MODEL,
    learned: false,
    reason,
    precedents,
    check: { withDefault: 0, withLearned: 0, queries: 0 },
  });
  if (precedents < MIN_PRECEDENTS_TO_LEARN) {
    return fallback(
      `${precedents.toLocaleString('en-GB')} precedents: at least ${MIN_PRECEDENTS_TO_LEARN.toLocaleString('en-GB')} are needed before weights are learned`,
    );
  }
  const sample = new Sample(index, severity, options);
  const start = flatten(DEFAULT_MODEL);
  let best = start;
  let bestLoss = sample.loss(best, 'fit');
  for (let round = 0; round < options.rounds; round++) {
    let improved = false;
    for (let part = 0; part < WIDTH; part++) {
      for (const candidate of steps(best[part])) {
        const trial = Float64Array.from(best);
        trial[part] = candidate;
        if (!withinBounds(unflatten(trial))) continue;
        const loss = sample.loss(trial, 'fit');
        if (loss < bestLoss - 1e-6) {
          best = trial;
          bestLoss = loss;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  const withDefault = sample.loss(start, 'check');
  const withLearned = sample.loss(best, 'check');
  const check = { withDefault, withLearned, queries: options.checkQueries };
  if (withLearned >= withDefault) {
    return { ...fallback('the learned weights did no better on precedents they were not fitted on'), check };
  }
  const calibration = calibrate(sample.nearestSimilarities(best), sample.nearestSimilarities(start));
  return { model: { ...unflatten(best), calibration }, learned: true, precedents, check };
}

/**
 * The quantile map from learned similarities to the fixed weights' scale: the q-th quantile of the
 * nearest comparables' similarities under the learned weights is shown as the q-th quantile under
 * the fixed weights, so a threshold keeps its meaning ("as alike as the fixed weights' 0.6").
 */
export function calibrate(learned: Float64Array, fixed: Float64Array): SimilarityCalibration {
  const raw: number[] = [];
  const shown: number[] = [];
  if (learned.length === 0 || fixed.length === 0) return { raw, shown };
  for (let q = 0.02; q < 0.99; q += 0.04) {
    const r = learned[Math.min(learned.length - 1, Math.floor(q * learned.length))];
    const f = fixed[Math.min(fixed.length - 1, Math.floor(q * fixed.length))];
    // strictly increasing raw knots inside (0, 1); shown never decreasing
    if (r <= 0 || r >= 1 || (raw.length > 0 && r <= raw[raw.length - 1])) continue;
    raw.push(r);
    shown.push(Math.min(1, Math.max(f, shown.length > 0 ? shown[shown.length - 1] : 0)));
  }
  return { raw, shown };
}

function steps(current: number): number[] {
  if (current === 0) return [0.02, 0.05];
  return [0, current * 0.5, current * 0.7, current * 1.4, current * 2];
}

/** Queries and a pool drawn from the index, with every query-pool comparison's sub-parts. */
class Sample {
  private readonly parts: Float32Array;
  private readonly gaps: Float32Array;
  private readonly fit: number;
  private readonly queries: number;
  private readonly pool: number;
  private readonly k: number;
  private readonly hasText: Uint8Array;

  constructor(index: PrecedentIndex, severity: (force: number) => number, options: LearningOptions) {
    const random = seedrandom(options.seed);
    const order = Int32Array.from({ length: index.count }, (_, at) => at);
    for (let at = order.length - 1; at > 0; at--) {
      const swap = Math.floor(random() * (at + 1));
      [order[at], order[swap]] = [order[swap], order[at]];
    }
    this.fit = Math.min(options.fitQueries, Math.floor(index.count / 4));
    this.queries = this.fit + Math.min(options.checkQueries, Math.floor(index.count / 8));
    this.pool = Math.min(options.pool, index.count - this.queries);
    this.k = options.k;
    const adjusted = (at: number) => {
      const precedent = index.precedentAt(at);
      return precedent.step - severity(precedent.force);
    };
    const poolAt = order.subarray(this.queries, this.queries + this.pool);
    const poolFeatures = Array.from(poolAt, (at) => index.featuresAt(at));
    const poolSteps = Float32Array.from(poolAt, adjusted);
    this.hasText = new Uint8Array(this.queries);
    this.parts = new Float32Array(this.queries * this.pool * WIDTH);
    this.gaps = new Float32Array(this.queries * this.pool);
    for (let q = 0; q < this.queries; q++) {
      const query = index.featuresAt(order[q]);
      this.hasText[q] = query.fingerprint ? 1 : 0;
      const step = adjusted(order[q]);
      for (let p = 0; p < this.pool; p++) {
        subParts(query, poolFeatures[p], this.parts, (q * this.pool + p) * WIDTH);
        this.gaps[q * this.pool + p] = Math.abs(step - poolSteps[p]);
      }
    }
  }

  /** Mean outcome gap between a query and its k most similar in the pool, over fit or check queries. */
  loss(flat: Float64Array, which: 'fit' | 'check'): number {
    let total = 0;
    let queries = 0;
    this.nearest(flat, which, (_scores, gaps, filled) => {
      let sum = 0;
      for (let at = 0; at < filled; at++) sum += gaps[at];
      total += sum / Math.max(1, filled);
      queries++;
    });
    return total / Math.max(1, queries);
  }

  /**
   * The similarities (weighted means, as the index computes them: the wording left out for a query
   * without text) of every check query's k most similar in the pool, in increasing order.
   */
  nearestSimilarities(flat: Float64Array): Float64Array {
    const total = flat.reduce((sum, w) => sum + w, 0);
    const found: number[] = [];
    this.nearest(flat, 'check', (scores, _gaps, filled, q) => {
      const weight = this.hasText[q] ? total : total - flat[0];
      for (let at = 0; at < filled; at++) found.push(scores[at] / weight);
    });
    return Float64Array.from(found).sort();
  }

  /** For each query of the set, its k best in the pool under `flat`, highest first. */
  private nearest(
    flat: Float64Array,
    which: 'fit' | 'check',
    visit: (scores: Float64Array, gaps: Float64Array, filled: number, query: number) => void,
  ): void {
    const [from, to] = which === 'fit' ? [0, this.fit] : [this.fit, this.queries];
    const k = Math.min(this.k, this.pool);
    const topScore = new Float64Array(k);
    const topGap = new Float64Array(k);
    for (let q = from; q < to; q++) {
      let filled = 0;
      for (let p = 0; p < this.pool; p++) {
        const base = (q * this.pool + p) * WIDTH;
        let score = 0;
        for (let part = 0; part < WIDTH; part++) score += flat[part] * this.parts[base + part];
        if (filled === k && score <= topScore[k - 1]) continue;
        // insertion into the k best so far, highest first
        let at = filled < k ? filled++ : k - 1;
        while (at > 0 && topScore[at - 1] < score) {
          topScore[at] = topScore[at - 1];
          topGap[at] = topGap[at - 1];
          at--;
        }
        topScore[at] = score;
        topGap[at] = this.gaps[q * this.pool + p];
      }
      visit(topScore, topGap, filled, q);
    }
  }
}
