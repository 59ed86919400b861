import seedrandom from 'seedrandom';
import { CATEGORIES, OUTCOMES, type Outcome } from '@precedent/exchange';
import type { PrecedentIndex } from '../comparables/precedent-index';
import {
  DEFAULT_BAND_OPTIONS,
  outcomeBand,
  type OutcomeBandOptions,
} from '../comparables/outcome-band.rules';
import {
  ConsistencyTally,
  DEFAULT_DISPARITY_OPTIONS,
  forceSeverities,
  inconsistency,
  weightedMeanStep,
  type DisparityOptions,
  type ForceSeverity,
  type Residual,
} from './disparity.rules';

export interface DisparityAnalysisOptions extends DisparityOptions {
  /** Neighbours per precedent. */
  k: number;
  band: OutcomeBandOptions;
  /** How many outliers to keep, most out of band first. */
  outlierLimit: number;
  /**
   * Forces with more precedents than this are measured on a seeded random sample of this many,
   * so the job's cost stays near linear at a million precedents; smaller forces are measured whole.
   */
  maxPerForce: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: DisparityAnalysisOptions = {
  ...DEFAULT_DISPARITY_OPTIONS,
  k: 20,
  band: DEFAULT_BAND_OPTIONS,
  outlierLimit: 1000,
  maxPerForce: 1000,
};

export interface Outlier {
  id: number;
  ref: string;
  force: string;
  outcome: Outcome;
  step: number;
  lowStep: number;
  highStep: number;
  medianStep: number;
  /** Steps beyond the nearer edge of the band. */
  distance: number;
}

export interface DisparityAnalysis {
  precedents: number;
  /** How many precedents were measured (all of them unless a force exceeded maxPerForce). */
  measured: number;
  consistencyIndex: number;
  forces: ForceSeverity[];
  consistencyByForce: { group: string; n: number; index: number }[];
  consistencyByYear: { group: string; n: number; index: number }[];
  consistencyByCategory: { group: string; n: number; index: number }[];
  outliers: Outlier[];
}

/**
 * Consistency, force relative severity and outliers over every precedent in the index. Each
 * precedent is compared with its k nearest from other forces (severity) and with its k nearest
 * anywhere but itself (consistency and outliers). `onProgress` is told how many are done.
 */
export function analyseDisparity(
  index: PrecedentIndex,
  forceCodes: readonly string[],
  options: DisparityAnalysisOptions = DEFAULT_ANALYSIS_OPTIONS,
  onProgress?: (done: number, total: number) => void,
): DisparityAnalysis {
  const residuals: Residual[] = [];
  const national = new ConsistencyTally();
  const byForce = new ConsistencyTally();
  const byYear = new ConsistencyTally();
  const byCategory = new ConsistencyTally();
  const outliers: Outlier[] = [];
  const chosen = sampleByForce(index, options.maxPerForce, options.seed);
  const total = chosen.reduce((sum, flag) => sum + flag, 0);
  let done = 0;
  for (const at of index.indicesByBlock()) {
    if (!chosen[at]) continue;
    const precedent = index.precedentAt(at);
    const features = index.featuresAt(at);
    const force = forceCodes[precedent.force];

    // One search serves both: the nearest 2k but itself hold its k nearest anywhere, and (unless its
    // own force fills more than k of them) its k nearest from other forces, exactly.
    const ranked = index.search(features, { k: 2 * options.k, excludeIndex: at });
    let others = ranked
      .filter((n) => index.precedentAt(n.index).force !== precedent.force)
      .slice(0, options.k);
    if (others.length < options.k && ranked.length === 2 * options.k) {
      others = index.search(features, { k: options.k, excludeForce: precedent.force });
    }
    const othersMean = weightedMeanStep(
      others.map((n) => ({ step: index.precedentAt(n.index).step, similarity: n.similarity })),
    );
    if (othersMean !== null) residuals.push({ force, residual: precedent.step - othersMean });

    const nearest = ranked.slice(0, options.k).map((n) => {
      const neighbour = index.precedentAt(n.index);
      return {
        step: neighbour.step,
        similarity: n.similarity,
        outcome: OUTCOMES[neighbour.outcome],
        force: forceCodes[neighbour.force],
      };
    });
    const spread = inconsistency(precedent.step, nearest);
    if (spread !== null) {
      national.add('national', spread);
      byForce.add(force, spread);
      byYear.add(String(new Date(precedent.decidedOn * 86_400_000).getUTCFullYear()), spread);
      for (let category = 0; category < CATEGORIES.length; category++) {
        if (features.categoryMask & (1 << category)) byCategory.add(CATEGORIES[category], spread);
      }
    }
    const band = outcomeBand(nearest, options.band);
    if (!band.withheld && (precedent.step < band.band.lowStep || precedent.step > band.band.highStep)) {
      outliers.push({
        id: precedent.id,
        ref: precedent.ref,
        force,
        outcome: OUTCOMES[precedent.outcome],
        step: precedent.step,
        lowStep: band.band.lowStep,
        highStep: band.band.highStep,
        medianStep: band.medianStep,
        distance:
          precedent.step < band.band.lowStep
            ? band.band.lowStep - precedent.step
            : precedent.step - band.band.highStep,
      });
    }
    if (onProgress && ++done % 1000 === 0) onProgress(done, total);
  }
  onProgress?.(total, total);
  outliers.sort((a, b) => b.distance - a.distance || a.ref.localeCompare(b.ref));
  const nationalIndex = national.results()[0];
  return {
    precedents: index.count,
    measured: total,
    consistencyIndex: nationalIndex ? nationalIndex.index : 0,
    forces: forceSeverities(residuals, options),
    consistencyByForce: byForce.results(),
    consistencyByYear: byYear.results(),
    consistencyByCategory: byCategory.results(),
    outliers: outliers.slice(0, options.outlierLimit),
  };
}

/** 1 for each precedent to measure: every one of a force within the cap, else a seeded sample. */
function sampleByForce(index: PrecedentIndex, maxPerForce: number, seed: string): Uint8Array {
  const byForce = new Map<number, number[]>();
  for (let at = 0; at < index.count; at++) {
    const force = index.precedentAt(at).force;
    const list = byForce.get(force) ?? [];
    list.push(at);
    byForce.set(force, list);
  }
  const chosen = new Uint8Array(index.count);
  const random = seedrandom(seed);
  for (const list of byForce.values()) {
    // A partial Fisher–Yates shuffle picks maxPerForce without bias.
    const take = Math.min(maxPerForce, list.length);
    for (let at = 0; at < take; at++) {
      const swap = at + Math.floor(random() * (list.length - at));
      [list[at], list[swap]] = [list[swap], list[at]];
      chosen[list[at]] = 1;
    }
  }
  return chosen;
}
