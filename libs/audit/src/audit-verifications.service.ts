import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError, Outbox } from '@precedent/platform';
import { AuditVerification } from './audit-verification.entity';
import { AUDIT_QUEUE, AuditJob } from './audit.jobs';
import type { AuditContext } from './audit-context';
import { AuditService } from './audit.service';

/** Chain checks requested through the API and run by the worker. */
@Injectable()
export class AuditVerificationsService {
  private readonly logger = new Logger(AuditVerificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
  ) {}

  /** Records the request and its job in one transaction: accepted even while Redis is down. */
  async request(context: AuditContext): Promise<AuditVerification> {
    return this.dataSource.transaction(async (em) => {
      const verification = await em.save(
        em.create(AuditVerification, { status: 'queued', requestedBy: context.actorId }),
      );
      await this.outbox.add(em, {
        queue: AUDIT_QUEUE,
        name: AuditJob.VerifyChain,
        data: { verificationId: verification.id },
        jobId: `verify-${verification.id}`,
      });
      await this.audit.record(em, context, {
        action: 'audit.verification.request',
        entityType: 'audit_verification',
        entityId: verification.id,
      });
      return verification;
    });
  }

  async get(id: string): Promise<AuditVerification> {
    const found = await this.dataSource.getRepository(AuditVerification).findOneBy({ id });
    if (!found) throw new NotFoundError('audit verification', id);
    return found;
  }

  /** Runs a requested check. Running it twice leaves the same result. */
  async run(id: string): Promise<AuditVerification> {
    const repo = this.dataSource.getRepository(AuditVerification);
    const verification = await this.get(id);
    if (verification.status === 'passed' || verification.status === 'failed') return verification;
    await repo.update({ id }, { status: 'running' });
    const result = await this.audit.verify();
    const outcome: Partial<AuditVerification> = {
      status: result.broken ? 'failed' : 'passed',
      finishedAt: new Date(),
      eventsChecked: String(result.count),
      brokenEventId: result.broken?.id ?? null,
      message: result.broken
        ? `Audit event ${result.broken.id} breaks the chain: ${result.broken.reason}.`
        : `${result.count} events checked; the chain is intact.`,
    };
    if (result.broken) this.logger.error(outcome.message);
    await repo.update({ id }, outcome);
    return { ...verification, ...outcome } as AuditVerification;
  }
}
