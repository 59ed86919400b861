import { Processor } from '@nestjs/bullmq';
import { ProcessorHost } from '../common/processor-host';
import { Job } from 'bullmq';
import { AUDIT_QUEUE, AuditJob, AuditVerificationsService } from '@precedent/audit';

@Processor(AUDIT_QUEUE)
export class AuditProcessor extends ProcessorHost {
  constructor(private readonly verifications: AuditVerificationsService) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case AuditJob.VerifyChain:
        await this.verifications.run((job.data as { verificationId: string }).verificationId);
        return;
      default:
        throw new Error(`No handler for ${AUDIT_QUEUE}/${job.name}`);
    }
  }
}
