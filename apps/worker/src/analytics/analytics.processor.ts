import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ANALYTICS_QUEUE, AnalyticsJobName, AnalyticsJobsService } from '@precedent/analytics';
import { ProcessorHost } from '../common/processor-host';

/**
 * Imports and recomputations. The disparity computation holds the CPU for minutes at a million
 * precedents, so the job's lock outlasts it rather than being renewed from a busy event loop.
 */
@Processor(ANALYTICS_QUEUE, { lockDuration: 30 * 60_000, concurrency: 1 })
export class AnalyticsProcessor extends ProcessorHost {
  constructor(private readonly jobs: AnalyticsJobsService) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case AnalyticsJobName.ImportPrecedents:
      case AnalyticsJobName.Recompute:
        await this.jobs.run((job.data as { jobId: string }).jobId);
        return;
      default:
        throw new Error(`No handler for ${ANALYTICS_QUEUE}/${job.name}`);
    }
  }
}
