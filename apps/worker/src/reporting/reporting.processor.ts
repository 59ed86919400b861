import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap, Logger } from '@nestjs/common';
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
  private readonly logger = new Logger(ReportingProcessor.name);

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
    // Not awaited: while Redis is down the command waits for it, and the worker must start anyway.
    this.queue
      .upsertJobScheduler(
        RETENTION_SCHEDULER,
        { every: this.env.REPORT_RETENTION_SWEEP_MINUTES * 60_000 },
        { name: ReportingJob.Retention, data: {} },
      )
      .catch((error: unknown) =>
        this.logger.warn(
          `The retention sweep is not scheduled (${String(error)}); it is registered again at the next start.`,
        ),
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
