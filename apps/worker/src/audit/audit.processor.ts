import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
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
  private readonly logger = new Logger(AuditProcessor.name);

  constructor(
    private readonly verifications: AuditVerificationsService,
    private readonly anchors: AuditAnchors,
    @InjectQueue(AUDIT_QUEUE) private readonly queue: Queue,
    private readonly env: Env,
  ) {
    super();
  }

  /**
   * One repeating anchor, whatever the number of workers: the scheduler id is fixed, and upserting it
   * again only updates its interval. The first anchor is written at once.
   */
  onApplicationBootstrap(): void {
    // Not awaited: while Redis is down the command waits for it, and the worker must start anyway.
    this.queue
      .upsertJobScheduler(
        AUDIT_ANCHOR_SCHEDULER,
        { every: this.env.AUDIT_ANCHOR_MINUTES * 60_000 },
        { name: AuditJob.AnchorHead, data: {} },
      )
      .catch((error: unknown) =>
        this.logger.warn(
          `Audit anchoring is not scheduled (${String(error)}); it is registered again at the next start.`,
        ),
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
