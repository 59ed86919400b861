import { CATEGORIES, OUTCOMES, type Outcome } from '@precedent/exchange';
import type { PrecedentIndex } from '../comparables/precedent-index';
import { DEFAULT_BAND_OPTIONS, outcomeBand, type OutcomeBandOptions } from '../comparables/outcome-band.rules';
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
}

export const DEFAULT_ANALYSIS_OPTIONS: DisparityAnalysisOptions = {
  ...DEFAULT_DISPARITY_OPTIONS,
  k: 20,
  band: DEFAULT_BAND_OPTIONS,
  outlierLimit: 1000,
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
  const total = index.count;
  for (let at = 0; at < total; at++) {
    const precedent = index.precedentAt(at);
    const features = index.featuresAt(at);
    const force = forceCodes[precedent.force];

    const others = index.search(features, { k: options.k, excludeForce: precedent.force });
    const othersMean = weightedMeanStep(others.map((n) => ({ step: index.precedentAt(n.index).step, similarity: n.similarity })));
    if (othersMean !== null) residuals.push({ force, residual: precedent.step - othersMean });

    const nearest = index.search(features, { k: options.k, excludeIndex: at }).map((n) => {
      const neighbour = index.precedentAt(n.index);
      return { step: neighbour.step, similarity: n.similarity, outcome: OUTCOMES[neighbour.outcome], force: forceCodes[neighbour.force] };
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
        distance: precedent.step < band.band.lowStep ? band.band.lowStep - precedent.step : precedent.step - band.band.highStep,
      });
    }
    if (onProgress && (at + 1) % 1000 === 0) onProgress(at + 1, total);
  }
  onProgress?.(total, total);
  outliers.sort((a, b) => b.distance - a.distance || a.ref.localeCompare(b.ref));
  const nationalIndex = national.results()[0];
  return {
    precedents: total,
    consistencyIndex: nationalIndex ? nationalIndex.index : 0,
    forces: forceSeverities(residuals, options),
    consistencyByForce: byForce.results(),
    consistencyByYear: byYear.results(),
    consistencyByCategory: byCategory.results(),
    outliers: outliers.slice(0, options.outlierLimit),
  };
}
