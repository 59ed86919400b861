import { Processor } from '@nestjs/bullmq';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import { Job, WaitingError } from 'bullmq';
import {
  ANALYTICS_QUEUE,
  AnalyticsJobName,
  AnalyticsJobsService,
  AnalyticsJobStoppedError,
} from '@precedent/analytics';
import { ProcessorHost } from '../common/processor-host';
import { SHORT_LOCK } from '../common/short-lock';

/**
 * Imports and recomputations. The lock is short and renewed while the job runs, so a job whose
 * worker dies is taken up by another within a minute; an import resumes from its last committed
 * batch. When the worker is told to stop, an import stops between batches and goes back to the
 * queue rather than holding the worker past its shutdown deadline.
 */
@Processor(ANALYTICS_QUEUE, { ...SHORT_LOCK, concurrency: 1 })
export class AnalyticsProcessor extends ProcessorHost implements BeforeApplicationShutdown {
  private readonly stopping = new AbortController();

  constructor(private readonly jobs: AnalyticsJobsService) {
    super();
  }

  beforeApplicationShutdown(): void {
    this.stopping.abort();
  }

  async process(job: Job, token?: string): Promise<void> {
    switch (job.name) {
      case AnalyticsJobName.ImportPrecedents:
      case AnalyticsJobName.Recompute:
        try {
          await this.jobs.run((job.data as { jobId: string }).jobId, { signal: this.stopping.signal });
        } catch (error) {
          if (!(error instanceof AnalyticsJobStoppedError)) throw error;
          // back to waiting, not failed: the next worker resumes it
          await job.moveToWait(token);
          throw new WaitingError();
        }
        return;
      default:
        throw new Error(`No handler for ${ANALYTICS_QUEUE}/${job.name}`);
    }
  }
}
