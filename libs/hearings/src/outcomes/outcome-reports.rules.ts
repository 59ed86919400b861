import { OUTCOMES, type Outcome } from './outcome';

export interface OutcomeYear {
  year: string;
  /** Every outcome on the scale, zero where none was decided that year. */
  counts: Record<Outcome, number>;
  total: number;
}

/**
 * Outcomes decided per year, one row a year from the first to the last with a decision (a year with
 * none shows as zeros rather than vanishing), every outcome of the scale in each.
 */
export function outcomesByYear(
  rows: readonly { year: string; outcome: string; subjects: number }[],
): OutcomeYear[] {
  if (rows.length === 0) return [];
  const years = rows.map((row) => Number(row.year));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const result: OutcomeYear[] = [];
  for (let year = first; year <= last; year++) {
    const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
    let total = 0;
    for (const row of rows) {
      if (Number(row.year) !== year || !(row.outcome in counts)) continue;
      counts[row.outcome as Outcome] += row.subjects;
      total += row.subjects;
    }
    result.push({ year: String(year), counts, total });
  }
  return result;
}
