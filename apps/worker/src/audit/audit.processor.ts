import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import {
  AUDIT_ANCHOR_SCHEDULER,
  AUDIT_QUEUE,
  AuditAnchors,
  AuditJob,
  AuditVerificationsService,
} from '@precedent/audit';
import { Env } from '@precedent/platform';
import { ProcessorHost } from '../common/processor-host';

/** The audit log's background work: requested chain checks, and anchoring the head on a schedule. */
@Processor(AUDIT_QUEUE)
export class AuditProcessor extends ProcessorHost implements OnApplicationBootstrap {
  constructor(
    private readonly verifications: AuditVerificationsService,
    private readonly anchors: AuditAnchors,
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
    private readonly env: Env,
  ) {
    super();
  }

  /** One repeating anchor, whatever the number of workers; the first is written at once. */
  onApplicationBootstrap(): void {
    this.scheduleRepeating(
      this.queue,
      AUDIT_ANCHOR_SCHEDULER,
      { every: this.env.AUDIT_ANCHOR_MINUTES * 60_000 },
      AuditJob.AnchorHead,
      'Audit anchoring',
    );
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case AuditJob.VerifyChain:
        await this.verifications.run((job.data as { verificationId: string }).verificationId);
        return;
      case AuditJob.AnchorHead:
        await this.anchors.anchor('worker');
        return;
      default:
        throw new Error(`No handler for ${AUDIT_QUEUE}/${job.name}`);
    }
  }
}
