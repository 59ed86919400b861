import { hammingDistance, popcount32, textSimilarityFromDistance } from '../text/text-matching.rules';
import type { ConductProfile } from '@precedent/exchange';
import { MITIGATING_SHIFT, type ConductFeatures } from './conduct-features';

/** The parts a similarity is made of, each in [0, 1], so a panel can read why a case is comparable. */
export interface SimilarityParts {
  text: number;
  categories: number;
  targets: number;
  audience: number;
  platform: number;
  factors: number;
  role: number;
  volume: number;
}
export type SimilarityPart = keyof SimilarityParts;

/**
 * How much each part counts. What was said (categories, targets, wording) counts most; the
 * subject's part in it counts heavily, because sharing a message is not writing it.
 */
export const DEFAULT_WEIGHTS: Readonly<SimilarityParts> = {
  text: 0.18,
  categories: 0.17,
  targets: 0.13,
  audience: 0.08,
  platform: 0.04,
  factors: 0.12,
  role: 0.2,
  volume: 0.08,
};

/**
 * How the factors part is made up: which factors were found (their overlap), how many of each
 * kind, the balance of aggravating against mitigating, and the culpability and harm levels. The
 * shares add up to 1. By default the overlap and the two levels decide, as they always have;
 * learning from the national data may give the counts and the balance a share
 * (similarity-learning.ts), because on some data how many factors there are matters more than
 * which ones.
 */
export interface FactorShares {
  which: number;
  count: number;
  balance: number;
  culpability: number;
  harm: number;
}
export const DEFAULT_FACTOR_SHARES: Readonly<FactorShares> = {
  which: 0.5,
  count: 0,
  balance: 0,
  culpability: 0.25,
  harm: 0.25,
};

/** Everything that sets how similarity is counted: the parts' weights and the factors' shares. */
export interface SimilarityModel {
  weights: Readonly<SimilarityParts>;
  factorShares: Readonly<FactorShares>;
  /**
   * For learned weights: the scale their weighted mean is shown on. Thresholds (the band's 0.6,
   * the pairs' minimum) were set on the fixed weights' scale, and learned weights spread scores
   * differently, so each score is mapped to the fixed weights' score of the same rank among the
   * nearest comparables (a quantile map, fitted with the weights). Increasing, so order is kept.
   * Absent: scores are shown as they are.
   */
  calibration?: SimilarityCalibration;
}

/** Increasing knots: a weighted mean `raw[i]` is shown as `shown[i]`, straight lines between. */
export interface SimilarityCalibration {
  raw: readonly number[];
  shown: readonly number[];
}

/** The similarity shown for a weighted mean under the model. */
export function shownSimilarity(model: SimilarityModel, raw: number): number {
  const calibration = model.calibration;
  if (!calibration || calibration.raw.length === 0) return raw;
  return interpolate(calibration.raw, calibration.shown, raw);
}

/** The weighted mean under the model whose shown similarity is `shown` (the least such). */
export function rawSimilarity(model: SimilarityModel, shown: number): number {
  const calibration = model.calibration;
  if (!calibration || calibration.raw.length === 0) return shown;
  return interpolate(calibration.shown, calibration.raw, shown);
}

/** Piecewise-linear through (0, 0), the knots and (1, 1); `from` increasing, `to` non-decreasing. */
function interpolate(from: readonly number[], to: readonly number[], value: number): number {
  const xs = [0, ...from, 1];
  const ys = [0, ...to, 1];
  for (let at = 1; at < xs.length; at++) {
    if (value <= xs[at]) {
      const span = xs[at] - xs[at - 1];
      if (span <= 0) return ys[at];
      return ys[at - 1] + ((value - xs[at - 1]) / span) * (ys[at] - ys[at - 1]);
    }
  }
  return 1;
}
export const DEFAULT_MODEL: SimilarityModel = {
  weights: DEFAULT_WEIGHTS,
  factorShares: DEFAULT_FACTOR_SHARES,
};

/** Counts differ by this many factors or more: no likeness left in the count or the balance. */
const FACTOR_COUNT_SPAN = 4;
const AGGRAVATING_BITS = (1 << MITIGATING_SHIFT) - 1;

export function aggravatingCount(mask: number): number {
  return popcount32(mask & AGGRAVATING_BITS);
}

export function mitigatingCount(mask: number): number {
  return popcount32(mask >>> MITIGATING_SHIFT);
}

/** How alike the numbers of aggravating and of mitigating factors are, each counting half. */
export function factorCountSimilarity(aggA: number, mitA: number, aggB: number, mitB: number): number {
  const near = (a: number, b: number) => Math.max(0, 1 - Math.abs(a - b) / FACTOR_COUNT_SPAN);
  return 0.5 * near(aggA, aggB) + 0.5 * near(mitA, mitB);
}

/** How alike the balances (aggravating minus mitigating) are. */
export function factorBalanceSimilarity(aggA: number, mitA: number, aggB: number, mitB: number): number {
  return Math.max(0, 1 - Math.abs(aggA - mitA - (aggB - mitB)) / FACTOR_COUNT_SPAN);
}

/**
 * How alike two parts in a comment are (0 author, 1 shared, 2 reacted, 3 failed to challenge).
 * Writing and forwarding are far apart; reacting and staying silent are nearer each other.
 */
const PARTICIPATION_SIMILARITY = [
  [1, 0.35, 0.15, 0.05],
  [0.35, 1, 0.5, 0.25],
  [0.15, 0.5, 1, 0.5],
  [0.05, 0.25, 0.5, 1],
];
/** Within the role part, the participation's share; the subject's rank takes the rest. */
export const PARTICIPATION_SHARE = 0.8;
/** Within the audience part, the reach's share; whether the author was identifiable as police, the rest. */
export const REACH_SHARE = 0.75;

/** Officer ranks in order; specials sit with constables; PCSOs and staff form their own group. */
const RANK_ORDER: Record<number, number> = { 0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 0 };
const STAFF_ROLES = new Set([7, 8]);

export function jaccard(a: number, b: number): number {
  const union = popcount32(a | b);
  return union === 0 ? 1 : popcount32(a & b) / union;
}

/** Ordered values compare by distance along their scale. */
export function ordinal(a: number, b: number, span: number): number {
  return 1 - Math.abs(a - b) / span;
}

export function participationSimilarity(a: number, b: number): number {
  return PARTICIPATION_SIMILARITY[a][b];
}

export function subjectSimilarity(roleA: number, formerA: boolean, roleB: number, formerB: boolean): number {
  let similarity: number;
  if (roleA === roleB) similarity = 1;
  else if (STAFF_ROLES.has(roleA) && STAFF_ROLES.has(roleB)) similarity = 0.8;
  else if (STAFF_ROLES.has(roleA) || STAFF_ROLES.has(roleB)) similarity = 0.3;
  else similarity = ordinal(RANK_ORDER[roleA], RANK_ORDER[roleB], 5) * (roleA === 6 || roleB === 6 ? 0.9 : 1);
  return formerA === formerB ? similarity : similarity * 0.8;
}

export function audienceSimilarity(
  rankA: number,
  identifiableA: boolean,
  rankB: number,
  identifiableB: boolean,
): number {
  return (
    REACH_SHARE * ordinal(rankA, rankB, 3) + (1 - REACH_SHARE) * (identifiableA === identifiableB ? 1 : 0)
  );
}

/** Unknown levels (0) meet anything half way: absence of a finding is not a difference. */
export function levelSimilarity(a: number, b: number): number {
  return a === 0 || b === 0 ? 0.5 : ordinal(a, b, 2);
}

export function factorSimilarity(
  maskA: number,
  culpabilityA: number,
  harmA: number,
  maskB: number,
  culpabilityB: number,
  harmB: number,
  shares: Readonly<FactorShares> = DEFAULT_FACTOR_SHARES,
): number {
  const [aggA, mitA, aggB, mitB] = [
    aggravatingCount(maskA),
    mitigatingCount(maskA),
    aggravatingCount(maskB),
    mitigatingCount(maskB),
  ];
  return (
    shares.which * jaccard(maskA, maskB) +
    shares.count * factorCountSimilarity(aggA, mitA, aggB, mitB) +
    shares.balance * factorBalanceSimilarity(aggA, mitA, aggB, mitB) +
    shares.culpability * levelSimilarity(culpabilityA, culpabilityB) +
    shares.harm * levelSimilarity(harmA, harmB)
  );
}

export function volumeSimilarity(messagesA: number, sizeA: number, messagesB: number, sizeB: number): number {
  const size = sizeA < 0 || sizeB < 0 ? 0.5 : ordinal(sizeA, sizeB, 7);
  return 0.5 * ordinal(messagesA, messagesB, 7) + 0.5 * size;
}

export function similarityParts(
  query: ConductFeatures,
  other: ConductFeatures,
  factorShares: Readonly<FactorShares> = DEFAULT_FACTOR_SHARES,
): SimilarityParts {
  return {
    text:
      query.fingerprint && other.fingerprint
        ? textSimilarityFromDistance(hammingDistance(query.fingerprint, 0, other.fingerprint, 0))
        : 0,
    categories: jaccard(query.categoryMask, other.categoryMask),
    targets: jaccard(query.targetMask, other.targetMask),
    audience: audienceSimilarity(
      query.audienceRank,
      query.identifiable,
      other.audienceRank,
      other.identifiable,
    ),
    platform: jaccard(query.platformMask, other.platformMask),
    factors: factorSimilarity(
      query.factorMask,
      query.culpability,
      query.harm,
      other.factorMask,
      other.culpability,
      other.harm,
      factorShares,
    ),
    role:
      PARTICIPATION_SHARE * participationSimilarity(query.participation, other.participation) +
      (1 - PARTICIPATION_SHARE) *
        subjectSimilarity(query.role, query.formerOfficer, other.role, other.formerOfficer),
    volume: volumeSimilarity(query.messageBucket, query.sizeBucket, other.messageBucket, other.sizeBucket),
  };
}

/**
 * The weighted mean of the parts. When the query has no text to compare, the text part is left
 * out rather than counted as a difference.
 */
export function combine(
  parts: SimilarityParts,
  weights: Readonly<SimilarityParts>,
  queryHasText: boolean,
): number {
  let total = 0;
  let weight = 0;
  for (const part of Object.keys(weights) as SimilarityPart[]) {
    if (part === 'text' && !queryHasText) continue;
    total += weights[part] * parts[part];
    weight += weights[part];
  }
  return total / weight;
}

/**
 * What a query states of the conduct. A part it leaves out (no wording, no kind of comment, no
 * factors or levels, no number of messages or people reached) is unknown, not a difference: the
 * precedent's value there says nothing about whether the two are alike.
 */
export interface StatedConduct {
  parts: ReadonlySet<SimilarityPart>;
  /** Within the factors part: whether the factors were listed, and each level given. */
  factorList: boolean;
  culpability: boolean;
  harm: boolean;
}

/**
 * The parts a profile states. The platform, audience and the subject's part and rank are required
 * of every conduct item and profile, so they are always stated; the rest only when given.
 */
export function statedConduct(profile: ConductProfile): StatedConduct {
  const parts = new Set<SimilarityPart>(['audience', 'platform', 'role']);
  const items = profile.conduct;
  if (items.some((item) => typeof item.text === 'string' && item.text.trim() !== '')) parts.add('text');
  if (items.some((item) => item.categories.length > 0)) parts.add('categories');
  if (items.some((item) => item.targets.length > 0)) parts.add('targets');
  const factorList = profile.aggravating.length > 0 || profile.mitigating.length > 0;
  const culpability = profile.culpability !== undefined;
  const harm = profile.harm !== undefined;
  if (factorList || culpability || harm) parts.add('factors');
  if (profile.messageCount !== undefined || items.some((item) => item.audienceSize !== undefined))
    parts.add('volume');
  return { parts, factorList, culpability, harm };
}

/** A short key for what is stated, so the model for it can be kept and reused. */
export function statedKey(stated: StatedConduct): string {
  const parts = [...stated.parts].sort().join(',');
  return `${parts}|${stated.factorList ? 'f' : ''}${stated.culpability ? 'c' : ''}${stated.harm ? 'h' : ''}`;
}

/**
 * The model counting only what a query states: the weights of the parts it leaves out are 0 and
 * the others are scaled up to add to 1 again, in the proportions the model gives them; within the
 * factors part, likewise the shares of what was not given (the levels, or the list). So learned
 * weights that lean on factors still serve a query that states only the wording: it is scored on
 * the wording and what else it states, as the fixed weights leave out missing wording. When the
 * model gives the stated parts no weight at all, it is returned unchanged rather than dividing by
 * nothing. The calibration stays: it maps a weighted mean onto the fixed weights' scale whatever
 * the parts it is taken over.
 */
export function modelForStated(model: SimilarityModel, stated: StatedConduct): SimilarityModel {
  const shares = model.factorShares;
  const keptShares: FactorShares = {
    which: stated.factorList ? shares.which : 0,
    count: stated.factorList ? shares.count : 0,
    balance: stated.factorList ? shares.balance : 0,
    culpability: stated.culpability ? shares.culpability : 0,
    harm: stated.harm ? shares.harm : 0,
  };
  const shareTotal = sum(keptShares);
  const factorsCount = stated.parts.has('factors') && shareTotal > 0;
  const weights = { ...model.weights };
  for (const part of Object.keys(weights) as SimilarityPart[]) {
    if (!stated.parts.has(part) || (part === 'factors' && !factorsCount)) weights[part] = 0;
  }
  const weightTotal = sum(weights);
  if (weightTotal <= 0) return model;
  for (const part of Object.keys(weights) as SimilarityPart[]) weights[part] /= weightTotal;
  const factorShares = factorsCount
    ? (Object.fromEntries(
        Object.entries(keptShares).map(([share, value]) => [share, value / shareTotal]),
      ) as unknown as FactorShares)
    : model.factorShares;
  return { ...model, weights, factorShares };
}

/** Only the parts a query states, so the reasons given for a comparable are about what was asked. */
export function statedParts(parts: SimilarityParts, stated: StatedConduct): Partial<SimilarityParts> {
  return Object.fromEntries(
    (Object.keys(parts) as SimilarityPart[])
      .filter((part) => stated.parts.has(part))
      .map((part) => [part, parts[part]]),
  );
}

function sum<T extends object>(values: T): number {
  return Object.values(values).reduce((total: number, value: number) => total + value, 0);
}

/**
 * How much of a model's weight the stated parts carry (within the factors part, the shares of
 * what was given). Learned weights can lean so far on what a query leaves out that what remains
 * cannot tell comparable cases apart: on the synthetic national set, a query giving only the
 * wording, its kind, where and whose kept 49% of the learned weight, and the wording then counted
 * for almost half of it, so nearly no precedent without the same words reached 0.6.
 */
export function statedWeight(model: SimilarityModel, stated: StatedConduct): number {
  const shares = model.factorShares;
  const factorShare =
    (stated.factorList ? shares.which + shares.count + shares.balance : 0) +
    (stated.culpability ? shares.culpability : 0) +
    (stated.harm ? shares.harm : 0);
  let weight = 0;
  for (const part of Object.keys(model.weights) as SimilarityPart[]) {
    if (!stated.parts.has(part)) continue;
    weight += part === 'factors' ? model.weights.factors * factorShare : model.weights[part];
  }
  return weight / sum(model.weights);
}

/** Below this share of a learned model's weight stated, the fixed weights count instead. */
export const MIN_STATED_WEIGHT = 0.6;
