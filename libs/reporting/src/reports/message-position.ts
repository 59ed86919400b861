import type { EntityManager } from 'typeorm';

/**
 * The next message's position in a report's thread. Locks the report row first, so two messages
 * written at once (a reporter and PSD) queue for the same report and never take the same position.
 */
export async function nextMessagePosition(em: EntityManager, reportId: string): Promise<number> {
  await em.query(`SELECT 1 FROM anonymous_reports WHERE id = $1 FOR UPDATE`, [reportId]);
  const [row] = (await em.query(
    `SELECT coalesce(max(position), 0) + 1 AS next FROM anonymous_report_messages WHERE report_id = $1`,
    [reportId],
  )) as { next: number }[];
  return Number(row.next);
}
