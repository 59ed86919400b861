import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import {
  HEARINGS_QUEUE,
  HearingsJob,
  NoticesService,
  PUBLICATION_SCHEDULER,
  PublicationService,
  type DeliverMailData,
  type SendNoticeData,
} from '@precedent/hearings';
import { ProcessorHost } from '../common/processor-host';

/** Take-downs are checked hourly: an entry ends at a day's start, and the public app hides it by date meanwhile. */
const WITHDRAWAL_EVERY_MS = 60 * 60_000;

/**
 * Notices and reminders of meetings and hearings, each run on its working day, and their emails; the
 * hourly sweep that marks ended publications withdrawn.
 */
@Processor(HEARINGS_QUEUE)
export class HearingsProcessor extends ProcessorHost implements OnApplicationBootstrap {
  constructor(
    private readonly notices: NoticesService,
    private readonly publication: PublicationService,
    @InjectQueue(HEARINGS_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.scheduleRepeating(
      this.queue,
      PUBLICATION_SCHEDULER,
      { every: WITHDRAWAL_EVERY_MS },
      HearingsJob.WithdrawEndedPublications,
      'The withdrawal of ended publications',
    );
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
      case HearingsJob.WithdrawEndedPublications:
        await this.publication.withdrawEnded(job.id ?? null);
        return;
      default:
        throw new Error(`No handler for ${HEARINGS_QUEUE}/${job.name}`);
    }
  }
}
