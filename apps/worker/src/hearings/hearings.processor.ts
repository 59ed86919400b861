import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { HEARINGS_QUEUE, HearingsJob, NoticesService, type SendNoticeData } from '@precedent/hearings';
import { ProcessorHost } from '../common/processor-host';

/** Notices and reminders of meetings and hearings, each run on its working day. */
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
      default:
        throw new Error(`No handler for ${HEARINGS_QUEUE}/${job.name}`);
    }
  }
}
