import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { EvidenceItem } from './evidence-item.entity';
import { EvidenceService } from './evidence.service';

export interface IntegrityReport {
  checked: number;
  intact: number;
  /** Items whose stored bytes no longer hash to the recorded SHA-256, or are gone. */
  alerts: { evidenceId: string; caseId: string; result: 'mismatch' | 'missing' }[];
}

const BATCH = 500;

/**
 * Re-hashes every stored item (the scheduled check). Each check is on the item's custody log; a
 * mismatch or a missing file also raises an alert: an error in the log and a failed audit event,
 * which the audit views and `audit verify` show.
 */
@Injectable()
export class EvidenceIntegrityService {
  private readonly logger = new Logger(EvidenceIntegrityService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
    private readonly audit: AuditService,
  ) {}

  async verifyAll(jobId: string | null): Promise<IntegrityReport> {
    const context = systemContext('evidence-integrity', jobId);
    const report: IntegrityReport = { checked: 0, intact: 0, alerts: [] };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.dataSource.getRepository(EvidenceItem).find({
        select: { id: true, caseId: true },
        where: { id: MoreThan(after) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      for (const { id, caseId } of batch) {
        const outcome = await this.evidence.verify(id, null, jobId, context);
        report.checked++;
        if (outcome.result === 'intact') {
          report.intact++;
          continue;
        }
        report.alerts.push({ evidenceId: id, caseId, result: outcome.result });
        this.logger.error(
          {
            evidenceId: id,
            caseId,
            result: outcome.result,
            expected: outcome.expected,
            actual: outcome.actual,
          },
          `Evidence integrity alert: the stored bytes of item ${id} are ${outcome.result === 'missing' ? 'missing' : 'changed'}.`,
        );
        await this.audit.recordNow(context, {
          action: 'evidence.integrity_alert',
          entityType: 'evidence',
          entityId: id,
          result: 'failure',
          details: { caseId, result: outcome.result, expected: outcome.expected, actual: outcome.actual },
        });
      }
      if (batch.length < BATCH) return report;
      after = batch[batch.length - 1].id;
    }
  }
}
