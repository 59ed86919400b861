import type { Outcome } from '@precedent/exchange';

export interface WeightedOutcome {
  outcome: Outcome;
  step: number;
  force: string;
  similarity: number;
}

export interface OutcomeBandOptions {
  /** Comparables below this similarity do not count towards the distribution or the band. */
  minSimilarity: number;
  /** Fewer comparables than this above the minimum: the band is withheld, not shown on thin evidence. */
  minimumComparables: number;
  proposedStep?: number;
}

export const DEFAULT_BAND_OPTIONS: OutcomeBandOptions = { minSimilarity: 0.6, minimumComparables: 3 };
export const BAND_LOW = 0.1;
export const BAND_HIGH = 0.9;

export type OutcomeBand =
  | {
      withheld: false;
      comparables: number;
      distribution: { outcome: Outcome; weight: number }[];
      medianStep: number;
      band: { lowStep: number; highStep: number };
      forces: { force: string; comparables: number; meanStep: number }[];
      proposed?: { step: number; percentile: number; outsideBand: boolean };
    }
  | { withheld: true; comparables: number; reason: string };

/**
 * What comparable precedents say about the outcome, weighted by similarity: the distribution of
 * outcomes, the weighted median step and the 10th–90th percentile band, the spread across forces,
 * and where a proposed step falls. Only comparables at or above the minimum similarity count.
 */
export function outcomeBand(
  items: readonly WeightedOutcome[],
  options: OutcomeBandOptions = DEFAULT_BAND_OPTIONS,
): OutcomeBand {
  const counted = items.filter((item) => item.similarity >= options.minSimilarity && item.similarity > 0);
  if (counted.length < options.minimumComparables) {
    return {
      withheld: true,
      comparables: counted.length,
      reason: `too few comparable cases: ${counted.length} of the precedents found reach a similarity of ${options.minSimilarity}, and at least ${options.minimumComparables} are needed before a distribution or band is shown`,
    };
  }
  const total = counted.reduce((sum, item) => sum + item.similarity, 0);
  const byOutcome = new Map<Outcome, number>();
  for (const item of counted)
    byOutcome.set(item.outcome, (byOutcome.get(item.outcome) ?? 0) + item.similarity);
  const distribution = [...byOutcome.entries()]
    .map(([outcome, weight]) => ({ outcome, weight: round(weight / total) }))
    .sort((a, b) => b.weight - a.weight);
  const byForce = new Map<string, { comparables: number; stepSum: number }>();
  for (const item of counted) {
    const force = byForce.get(item.force) ?? { comparables: 0, stepSum: 0 };
    force.comparables++;
    force.stepSum += item.step;
    byForce.set(item.force, force);
  }
  const lowStep = weightedQuantile(counted, BAND_LOW);
  const highStep = weightedQuantile(counted, BAND_HIGH);
  return {
    withheld: false,
    comparables: counted.length,
    distribution,
    medianStep: weightedQuantile(counted, 0.5),
    band: { lowStep, highStep },
    forces: [...byForce.entries()]
      .map(([force, { comparables, stepSum }]) => ({
        force,
        comparables,
        meanStep: round(stepSum / comparables),
      }))
      .sort((a, b) => b.comparables - a.comparables || a.force.localeCompare(b.force)),
    ...(options.proposedStep !== undefined
      ? {
          proposed: {
            step: options.proposedStep,
            percentile: round(weightedPercentileOf(counted, options.proposedStep)),
            outsideBand: options.proposedStep < lowStep || options.proposedStep > highStep,
          },
        }
      : {}),
  };
}

/** The smallest step at which the cumulative similarity weight reaches the fraction q of the total. */
export function weightedQuantile(items: readonly { step: number; similarity: number }[], q: number): number {
  const sorted = [...items].sort((a, b) => a.step - b.step);
  const total = sorted.reduce((sum, item) => sum + item.similarity, 0);
  let cumulative = 0;
  for (const item of sorted) {
    cumulative += item.similarity;
    if (cumulative >= q * total - 1e-12) return item.step;
  }
  return sorted[sorted.length - 1].step;
}

/** The weighted mid-rank percentile of a step: weight below it plus half the weight at it. */
export function weightedPercentileOf(
  items: readonly { step: number; similarity: number }[],
  step: number,
): number {
  let below = 0;
  let at = 0;
  let total = 0;
  for (const item of items) {
    total += item.similarity;
    if (item.step < step) below += item.similarity;
    else if (item.step === step) at += item.similarity;
  }
  return (100 * (below + at / 2)) / total;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
