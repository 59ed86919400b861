import type { DefaultJobOptions } from 'bullmq';

/** One place for retry and retention: retried with backoff, completed removed, failed kept to inspect. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 14 * 24 * 3_600 },
};
