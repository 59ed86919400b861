import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Global, Injectable, Module } from '@nestjs/common';
import {
  AnalyticsModule,
  type ComputeProgress,
  DisparityService,
  RECOMPUTE_RUNNER,
  type RecomputeRunner,
} from '@precedent/analytics';
import type { RecomputeMessage } from './recompute-thread';

/** The compiled thread entry beside this file; absent when the worker runs from TypeScript source (tests). */
const THREAD_ENTRY = join(__dirname, 'recompute-thread.js');

/**
 * Runs each recomputation on a worker thread: minutes of CPU there, while the main thread renews the
 * job's lock. Run from source (no compiled entry), it computes in this process, as the CLI does.
 */
@Injectable()
export class ThreadRecomputeRunner implements RecomputeRunner {
  constructor(private readonly disparity: DisparityService) {}

  compute(onProgress: ComputeProgress): Promise<{ id: string; computedAt: Date; precedents: number }> {
    if (!existsSync(THREAD_ENTRY)) return this.disparity.compute(onProgress);
    return new Promise((resolve, reject) => {
      const thread = new Worker(THREAD_ENTRY);
      let settled = false;
      thread.on('message', (message: RecomputeMessage) => {
        if (message.type === 'progress') onProgress(message.stage, message.done, message.total);
        else if (message.type === 'done') {
          settled = true;
          resolve({
            id: message.id,
            computedAt: new Date(message.computedAt),
            precedents: message.precedents,
          });
        } else {
          settled = true;
          reject(new Error(message.message));
        }
      });
      thread.once('error', (error) => {
        settled = true;
        reject(error);
      });
      thread.once('exit', (code) => {
        if (!settled)
          reject(new Error(`The recomputation thread stopped (exit code ${code}) before it finished.`));
      });
    });
  }
}

/** Provides the thread runner to the analytics jobs wherever they are (global: AnalyticsModule reads it). */
@Global()
@Module({
  imports: [AnalyticsModule],
  providers: [ThreadRecomputeRunner, { provide: RECOMPUTE_RUNNER, useExisting: ThreadRecomputeRunner }],
  exports: [RECOMPUTE_RUNNER],
})
export class RecomputeThreadModule {}
