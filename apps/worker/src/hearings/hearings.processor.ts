import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import {
  HEARINGS_QUEUE,
  HearingsJob,
  NoticesService,
  type DeliverMailData,
  type SendNoticeData,
} from '@precedent/hearings';
import { ProcessorHost } from '../common/processor-host';

/** Notices and reminders of meetings and hearings, each run on its working day, and their emails. */
@Processor(HEARINGS_QUEUE)
export class HearingsProcessor extends ProcessorHost {
  constructor(private readonly notices: NoticesService) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case HearingsJob.SendNotice:
        await this.notices.send((job.data as SendNoticeData).noticeId);
        return;
      case HearingsJob.DeliverMail:
        // a refusal is recorded on the email and retried through the outbox, not by failing the job
        await this.notices.deliver((job.data as DeliverMailData).deliveryId);
        return;
      default:
        throw new Error(`No handler for ${HEARINGS_QUEUE}/${job.name}`);
    }
  }
}
