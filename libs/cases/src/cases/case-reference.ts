import type { EntityManager } from 'typeorm';

/** The next PSD-YYYY-NNNNN for the year, in the caller's transaction: sequential per year, never reused. */
export async function nextReference(em: EntityManager, year: number): Promise<string> {
  const [row] = (await em.query(
    `INSERT INTO case_reference_counters (year, last) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last = case_reference_counters.last + 1 RETURNING last`,
    [year],
  )) as { last: number }[];
  return `PSD-${year}-${String(row.last).padStart(5, '0')}`;
}
