import type { AnalyticsJobStatus } from './analytics-job.entity';

/** How often a running job writes its heartbeat. */
export const HEARTBEAT_MS = 5_000;
/**
 * A running job with no heartbeat for this long has lost its worker (killed, or its machine gone):
 * six beats missed, well past a busy moment, and shorter than the queue takes to hand it to another.
 */
export const STALLED_AFTER_MS = 30_000;

/**
 * Whether a job said to be running has stopped being worked on. Such a job is not lost: its queue
 * lock expires and another worker takes it up, resuming an import from its last committed batch.
 */
export function isStalled(
  job: { status: AnalyticsJobStatus; heartbeatAt: Date | null; startedAt: Date | null },
  now: Date,
): boolean {
  if (job.status !== 'running') return false;
  const last = job.heartbeatAt ?? job.startedAt;
  return last !== null && now.getTime() - last.getTime() > STALLED_AFTER_MS;
}
