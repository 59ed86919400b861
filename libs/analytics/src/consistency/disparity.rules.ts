import seedrandom from 'seedrandom';

/**
 * Force relative severity (docs/analytics-method.md §4): for each precedent, its step minus the
 * similarity-weighted mean step of its nearest precedents from other forces; for each force, the
 * mean of those residuals, centred so the national precedent-weighted mean is 0, with a bootstrap
 * 95% interval. A force is flagged only when its whole interval lies beyond the margin: a
 * difference both real and large enough to act on.
 */
export interface Residual {
  force: string;
  residual: number;
}

export interface ForceSeverity {
  force: string;
  n: number;
  relativeSeverity: number;
  ciLow: number;
  ciHigh: number;
  flagged: boolean;
}

export interface DisparityOptions {
  margin: number;
  bootstrapSamples: number;
  seed: string;
}

export const DEFAULT_DISPARITY_OPTIONS: DisparityOptions = {
  margin: 0.25,
  bootstrapSamples: 400,
  seed: 'precedent',
};

export function forceSeverities(
  residuals: readonly Residual[],
  options: DisparityOptions = DEFAULT_DISPARITY_OPTIONS,
): ForceSeverity[] {
  if (residuals.length === 0) return [];
  const national = residuals.reduce((sum, item) => sum + item.residual, 0) / residuals.length;
  const byForce = new Map<string, number[]>();
  for (const item of residuals) {
    const list = byForce.get(item.force) ?? [];
    list.push(item.residual);
    byForce.set(item.force, list);
  }
  const random = seedrandom(options.seed);
  const result: ForceSeverity[] = [];
  for (const [force, list] of [...byForce.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const values = Float64Array.from(list);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length - national;
    const [low, high] = bootstrapInterval(values, options.bootstrapSamples, random);
    const ciLow = low - national;
    const ciHigh = high - national;
    result.push({
      force,
      n: values.length,
      relativeSeverity: round(mean),
      ciLow: round(ciLow),
      ciHigh: round(ciHigh),
      flagged: ciLow > options.margin || ciHigh < -options.margin,
    });
  }
  return result;
}

/** The 2.5th and 97.5th percentiles of the mean over resamples with replacement. */
export function bootstrapInterval(
  values: Float64Array,
  samples: number,
  random: () => number,
): [number, number] {
  const n = values.length;
  if (n === 1) return [values[0], values[0]];
  const means = new Float64Array(samples);
  for (let sample = 0; sample < samples; sample++) {
    let sum = 0;
    for (let draw = 0; draw < n; draw++) sum += values[(random() * n) | 0];
    means[sample] = sum / n;
  }
  means.sort();
  return [means[Math.floor(0.025 * (samples - 1))], means[Math.ceil(0.975 * (samples - 1))]];
}

/** The similarity-weighted mean of the neighbours' steps. */
export function weightedMeanStep(neighbours: readonly { step: number; similarity: number }[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const neighbour of neighbours) {
    weight += neighbour.similarity;
    sum += neighbour.similarity * neighbour.step;
  }
  return weight > 0 ? sum / weight : null;
}

/** A precedent's inconsistency: the similarity-weighted mean absolute step difference from its neighbours. */
export function inconsistency(
  step: number,
  neighbours: readonly { step: number; similarity: number }[],
): number | null {
  let weight = 0;
  let sum = 0;
  for (const neighbour of neighbours) {
    weight += neighbour.similarity;
    sum += neighbour.similarity * Math.abs(step - neighbour.step);
  }
  return weight > 0 ? sum / weight : null;
}

/** The consistency index of groups (national, per force, per year, per category): the mean inconsistency. */
export class ConsistencyTally {
  private readonly groups = new Map<string, { sum: number; n: number }>();

  add(group: string, value: number): void {
    const tally = this.groups.get(group) ?? { sum: 0, n: 0 };
    tally.sum += value;
    tally.n++;
    this.groups.set(group, tally);
  }

  results(): { group: string; n: number; index: number }[] {
    return [...this.groups.entries()]
      .map(([group, { sum, n }]) => ({ group, n, index: round(sum / n) }))
      .sort((a, b) => a.group.localeCompare(b.group));
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
