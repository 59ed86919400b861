import type { PrecedentIndex } from '../comparables/precedent-index';
import {
  combine,
  shownSimilarity,
  similarityParts,
  type SimilarityModel,
  type SimilarityParts,
} from '../comparables/similarity.rules';
import { eraOnDay } from '../reforms/regime.rules';
import {
  inconsistencyScore,
  MIN_PAIR_SIMILARITY,
  MIN_STEP_GAP,
  pairDifferences,
  type PairDifference,
} from './inconsistency.rules';

export interface PairSearchOptions {
  /** How many of a precedent's closest precedents that went the other way are considered. */
  perPrecedent: number;
  minSimilarity: number;
  minStepGap: number;
  /** Pairs kept nationally, most inconsistent first. */
  keep: number;
  /** Pairs kept for each force besides (where either side is the force), so a force's list is whole. */
  keepPerForce: number;
}

export const DEFAULT_PAIR_OPTIONS: PairSearchOptions = {
  perPrecedent: 3,
  minSimilarity: MIN_PAIR_SIMILARITY,
  minStepGap: MIN_STEP_GAP,
  keep: 500,
  keepPerForce: 50,
};

export interface FoundPair {
  /** Index positions; `a` had the lighter outcome, `b` the harsher. */
  a: number;
  b: number;
  similarity: number;
  stepGap: number;
  parts: SimilarityParts;
  differences: PairDifference[];
  score: number;
}

/**
 * Every pair of like precedents with unlike outcomes, ranked. Each precedent asks the index for its
 * few closest precedents whose outcome went at least minStepGap steps the other way and are at
 * least minSimilarity alike: the index's blocks keep that near linear in the store's size. A pair
 * is found from both sides and counted once.
 */
export async function findInconsistentPairs(
  index: PrecedentIndex,
  options: PairSearchOptions = DEFAULT_PAIR_OPTIONS,
  onProgress?: (done: number, total: number) => void,
): Promise<FoundPair[]> {
  const total = index.count;
  // Candidates as columns (a, b, score): at a million precedents they stay a few megabytes.
  let left: Int32Array = new Int32Array(1024);
  let right: Int32Array = new Int32Array(1024);
  let scores: Float64Array = new Float64Array(1024);
  let similarities: Float64Array = new Float64Array(1024);
  let found = 0;
  let done = 0;
  for (const at of index.indicesByBlock()) {
    const precedent = index.precedentAt(at);
    const features = index.featuresAt(at);
    // Alike in structure (what was said about whom, to whom, the subject's part, factors, volume):
    // most like cases do not share their wording, so wording is left out of the search and only
    // raises a pair's rank when it is shared.
    const neighbours = index.search(
      { ...features, fingerprint: null },
      {
        k: options.perPrecedent,
        excludeIndex: at,
        awayFromStep: precedent.step,
        minStepGap: options.minStepGap,
        minSimilarity: options.minSimilarity,
      },
    );
    for (const neighbour of neighbours) {
      // Seen from both sides: keep it once, from the side with the lower index.
      const other = neighbour.index;
      const [a, b] = at < other ? [at, other] : [other, at];
      if (found === left.length) {
        left = grow(left);
        right = grow(right);
        scores = growFloat(scores);
        similarities = growFloat(similarities);
      }
      const sideA = sideFacts(index, a);
      const sideB = sideFacts(index, b);
      const parts = similarityParts(sideA.features, sideB.features, index.factorShares);
      const similarity = pairSimilarity(parts, neighbour.similarity, index.similarityModel);
      const differences = pairDifferences(sideA, sideB);
      left[found] = a;
      right[found] = b;
      similarities[found] = similarity;
      scores[found] = inconsistencyScore(
        similarity,
        Math.abs(sideA.step - sideB.step),
        differences,
        parts.text,
      );
      found++;
    }
    done += 1;
    if (onProgress && done % 5000 === 0) onProgress(done, total);
    // Yield to the event loop now and then: the worker must keep renewing its job's lock and
    // answering /health while a large store is searched.
    if (done % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  onProgress?.(total, total);

  const order = Int32Array.from({ length: found }, (_, at) => at).sort(
    (x, y) => scores[y] - scores[x] || left[x] - left[y] || right[x] - right[y],
  );
  const seen = new Set<number>();
  const perForce = new Map<number, number>();
  const kept: FoundPair[] = [];
  for (const at of order) {
    const key = left[at] * total + right[at];
    if (seen.has(key)) continue;
    seen.add(key);
    // The lighter outcome is side a, the harsher side b: a pair reads the same way every time.
    const [a, b] =
      index.precedentAt(left[at]).step <= index.precedentAt(right[at]).step
        ? [left[at], right[at]]
        : [right[at], left[at]];
    const forceA = index.precedentAt(a).force;
    const forceB = index.precedentAt(b).force;
    const national = kept.length < options.keep;
    const forForce =
      (perForce.get(forceA) ?? 0) < options.keepPerForce ||
      (perForce.get(forceB) ?? 0) < options.keepPerForce;
    if (!national && !forForce) continue;
    perForce.set(forceA, (perForce.get(forceA) ?? 0) + 1);
    if (forceB !== forceA) perForce.set(forceB, (perForce.get(forceB) ?? 0) + 1);
    const sideA = sideFacts(index, a);
    const sideB = sideFacts(index, b);
    kept.push({
      a,
      b,
      similarity: similarities[at],
      stepGap: Math.abs(sideA.step - sideB.step),
      parts: similarityParts(sideA.features, sideB.features, index.factorShares),
      differences: pairDifferences(sideA, sideB),
      score: scores[at],
    });
  }
  return kept;
}

/** With shared wording, every part counts; without, the wording is left out rather than counted as a difference. */
function pairSimilarity(parts: SimilarityParts, structural: number, model: SimilarityModel): number {
  return parts.text > 0
    ? Math.max(structural, shownSimilarity(model, combine(parts, model.weights, true)))
    : structural;
}

function sideFacts(index: PrecedentIndex, at: number) {
  const precedent = index.precedentAt(at);
  return { features: index.featuresAt(at), step: precedent.step, era: eraOnDay(precedent.decidedOn) };
}

function grow(from: Int32Array): Int32Array {
  const next = new Int32Array(from.length * 2);
  next.set(from);
  return next;
}

function growFloat(from: Float64Array): Float64Array {
  const next = new Float64Array(from.length * 2);
  next.set(from);
  return next;
}
