import { OUTCOME_STEPS, STAGES, type Outcome, type Stage } from '@precedent/exchange';

/** A count of precedents whose stage recommended `outcome` and whose final step was `finalStep`. */
export interface StageTally {
  force: string;
  stage: Stage;
  outcome: Outcome;
  finalStep: number;
  n: number;
}

export interface StageDrift {
  stage: Stage;
  /** null: all forces together. */
  force: string | null;
  n: number;
  /** Mean of (final step − the stage's step): positive when the final outcome was harsher. */
  meanDifference: number;
  /** Share of precedents whose final outcome differs in step from the stage's. */
  changed: number;
}

/**
 * Stage drift: how the outcome recommended at each stage (investigator, appropriate authority,
 * panel, appeal) differs from the final one, nationally and per force, stages in order.
 */
export function stageDrift(tallies: readonly StageTally[]): StageDrift[] {
  const groups = new Map<
    string,
    { stage: Stage; force: string | null; n: number; sum: number; changed: number }
  >();
  const add = (stage: Stage, force: string | null, tally: StageTally) => {
    const key = `${stage}\u0000${force ?? ''}`;
    const group = groups.get(key) ?? { stage, force, n: 0, sum: 0, changed: 0 };
    const difference = tally.finalStep - OUTCOME_STEPS[tally.outcome];
    group.n += tally.n;
    group.sum += difference * tally.n;
    if (difference !== 0) group.changed += tally.n;
    groups.set(key, group);
  };
  for (const tally of tallies) {
    add(tally.stage, null, tally);
    add(tally.stage, tally.force, tally);
  }
  return [...groups.values()]
    .map(({ stage, force, n, sum, changed }) => ({
      stage,
      force,
      n,
      meanDifference: round(sum / n),
      changed: round(changed / n),
    }))
    .sort(
      (a, b) =>
        STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
        (a.force === null ? -1 : b.force === null ? 1 : a.force.localeCompare(b.force)),
    );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
