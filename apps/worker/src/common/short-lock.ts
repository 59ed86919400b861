import type { WorkerOptions } from 'bullmq';

/**
 * Lock settings for every processor: a job's lock lasts 30 s and is renewed every 15 s while its
 * worker's event loop is free (long CPU work runs on a thread, OCR's, a chat export's or a
 * recomputation's, or yields between batches), so a job whose worker died is seen within 30 s (by
 * any worker's stalled check, every 15 s) and handed to another: recovery within a minute, instead
 * of the half hour a long lock cost. A job that stalls three times is failed rather than retried for
 * ever.
 */
export const SHORT_LOCK: Pick<WorkerOptions, 'lockDuration' | 'stalledInterval' | 'maxStalledCount'> = {
  lockDuration: 30_000,
  stalledInterval: 15_000,
  maxStalledCount: 3,
};
