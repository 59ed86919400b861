/** When an anonymous report with no case may be deleted. Pure: no Nest, no I/O. */

const DAY_MS = 86_400_000;

/** Reports whose last activity (report, message or attachment, all kept to the hour) is before this go. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** A report linked to a case is kept with the case; otherwise it goes once its last activity is old enough. */
export function isPastRetention(
  report: { caseId: string | null; lastActivityAt: Date },
  now: Date,
  retentionDays: number,
): boolean {
  return report.caseId === null && report.lastActivityAt < retentionCutoff(now, retentionDays);
}
