import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import {
  EVIDENCE_QUEUE,
  EvidenceJob,
  type EvidenceJobData,
  EvidenceProcessingService,
  EvidenceUnprocessableError,
} from '@precedent/evidence';
import { ProcessorHost } from '../common/processor-host';
import { SHORT_LOCK } from '../common/short-lock';

/**
 * Thumbnails, EXIF and OCR. One job at a time: OCR holds a core for a second or more per
 * screenshot. Bytes that cannot be decoded fail at once; anything else is retried with backoff
 * and the item shows the last reason meanwhile.
 */
@Processor(EVIDENCE_QUEUE, { ...SHORT_LOCK, concurrency: 1 })
export class EvidenceProcessor extends ProcessorHost {
  constructor(private readonly processing: EvidenceProcessingService) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case EvidenceJob.Process:
        return this.run(job, (job.data as EvidenceJobData[EvidenceJob.Process]).evidenceId);
      default:
        throw new Error(`No handler for ${EVIDENCE_QUEUE}/${job.name}`);
    }
  }

  private async run(job: Job, evidenceId: string): Promise<void> {
    try {
      await this.processing.process(evidenceId, job.id ?? null);
    } catch (error) {
      const permanent = error instanceof EvidenceUnprocessableError;
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const reason = error instanceof Error ? error.message : String(error);
      await this.processing.recordFailure(evidenceId, reason, final, job.id ?? null);
      throw permanent ? new UnrecoverableError(reason) : error;
    }
  }
}
