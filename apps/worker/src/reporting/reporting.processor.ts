import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Env } from '@precedent/platform';
import {
  type NotifyReplyData,
  REPORTING_QUEUE,
  ReplyNotifications,
  ReportingJob,
  ReportRetention,
  RETENTION_SCHEDULER,
} from '@precedent/reporting';
import { ProcessorHost } from '../common/processor-host';

/** The anonymous channel's background work: notices of reporters' replies, and the retention sweep. */
@Processor(REPORTING_QUEUE)
export class ReportingProcessor extends ProcessorHost implements OnApplicationBootstrap {
  constructor(
    private readonly replies: ReplyNotifications,
    private readonly retention: ReportRetention,
    @InjectQueue(REPORTING_QUEUE) private readonly queue: Queue,
    private readonly env: Env,
  ) {
    super();
  }

  /**
   * One repeating sweep, whatever the number of workers: the scheduler id is fixed, and upserting it
   * again only updates its interval. The first sweep runs at once.
   */
  onApplicationBootstrap(): void {
    this.scheduleRepeating(
      this.queue,
      RETENTION_SCHEDULER,
      { every: this.env.REPORT_RETENTION_SWEEP_MINUTES * 60_000 },
      ReportingJob.Retention,
      'The retention sweep',
    );
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case ReportingJob.NotifyReply:
        await this.replies.notify((job.data as NotifyReplyData).reportId, job.id ?? null);
        return;
      case ReportingJob.Retention:
        await this.retention.sweep(job.id ?? null);
        return;
      default:
        throw new Error(`No handler for ${REPORTING_QUEUE}/${job.name}`);
    }
  }
}
