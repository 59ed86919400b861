import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import {
  EVIDENCE_INTEGRITY_QUEUE,
  EVIDENCE_VERIFY_SCHEDULE,
  EvidenceIntegrityService,
  EvidenceJob,
} from '@precedent/evidence';
import { ProcessorHost } from '../common/processor-host';
import { SHORT_LOCK } from '../common/short-lock';

/** The scheduled re-hash of every stored item; registers its schedule when the worker starts. */
@Processor(EVIDENCE_INTEGRITY_QUEUE, { ...SHORT_LOCK, concurrency: 1 })
export class EvidenceIntegrityProcessor extends ProcessorHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvidenceIntegrityProcessor.name);

  constructor(
    private readonly integrity: EvidenceIntegrityService,
    @InjectQueue(EVIDENCE_INTEGRITY_QUEUE) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.scheduleRepeating(
      this.queue,
      EVIDENCE_VERIFY_SCHEDULE.id,
      { pattern: EVIDENCE_VERIFY_SCHEDULE.pattern, tz: EVIDENCE_VERIFY_SCHEDULE.tz },
      EvidenceJob.VerifyAll,
      'The nightly evidence check',
    );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case EvidenceJob.VerifyAll: {
        const report = await this.integrity.verifyAll(job.id ?? null);
        this.logger.log(
          `Evidence integrity: ${report.intact} of ${report.checked} items intact, ${report.alerts.length} alerts.`,
        );
        return report;
      }
      default:
        throw new Error(`No handler for ${EVIDENCE_INTEGRITY_QUEUE}/${job.name}`);
    }
  }
}
