import type { ComputeProgress } from './disparity.service';

/**
 * Where a recomputation runs. By default in the calling process (the CLI, tests from source); the
 * worker provides one that runs it on a thread of its own, because measuring a million precedents
 * holds the CPU for minutes, and a busy event loop cannot renew the queue's 30-second job lock.
 */
export const RECOMPUTE_RUNNER = Symbol('RECOMPUTE_RUNNER');

export interface RecomputeRunner {
  compute(onProgress: ComputeProgress): Promise<{ id: string; computedAt: Date; precedents: number }>;
}
