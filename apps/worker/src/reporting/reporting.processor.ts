import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  type NotifyReplyData,
  REPORTING_QUEUE,
  ReplyNotifications,
  ReportingJob,
} from '@precedent/reporting';
import { ProcessorHost } from '../common/processor-host';

/** The anonymous channel's background work: notices of reporters' replies. */
@Processor(REPORTING_QUEUE)
export class ReportingProcessor extends ProcessorHost {
  constructor(private readonly replies: ReplyNotifications) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case ReportingJob.NotifyReply:
        await this.replies.notify((job.data as NotifyReplyData).reportId, job.id ?? null);
        return;
      default:
        throw new Error(`No handler for ${REPORTING_QUEUE}/${job.name}`);
    }
  }
}
