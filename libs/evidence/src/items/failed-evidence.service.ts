import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { visibleCasesWhere } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import { EvidenceItem } from './evidence-item.entity';
import type { EvidenceMediaType } from './evidence-type.rules';

/** An item whose processing failed for good, with its case, for a person's work list. */
export interface FailedEvidence {
  id: string;
  caseId: string;
  caseReference: string;
  originalName: string;
  mediaType: EvidenceMediaType;
  error: string | null;
  uploadedAt: Date;
}

/**
 * Evidence the worker could not process (status "failed"), on the cases the person may open, newest
 * first. The partial index ix_evidence_items_failed keeps this a short read however much evidence
 * has been processed. The list is audited with ids only.
 */
@Injectable()
export class FailedEvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** How many files failed on cases this person may open, for the page header; nothing is shown, so no audit. */
  async countOnCasesOf(by: Principal): Promise<number> {
    return this.failedOn(by).getCount();
  }

  async onCasesOf(
    by: Principal,
    options: { limit: number },
    requestId: string,
  ): Promise<{ items: FailedEvidence[]; total: number }> {
    const query = this.failedOn(by);
    const [rows, total] = await Promise.all([
      query
        .clone()
        .select([
          'e.id AS id',
          'e.case_id AS "caseId"',
          'c.reference AS "caseReference"',
          'e.original_name AS "originalName"',
          'e.media_type AS "mediaType"',
          'e.error AS error',
          'e.uploaded_at AS "uploadedAt"',
        ])
        .orderBy('e.uploaded_at', 'DESC')
        .addOrderBy('e.id', 'ASC')
        .limit(options.limit)
        .getRawMany<FailedEvidence>(),
      query.getCount(),
    ]);
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'evidence.failed.list',
      entityType: 'evidence',
      details: { ids: rows.map((row) => row.id) },
    });
    return { items: rows, total };
  }

  private failedOn(by: Principal) {
    return this.dataSource
      .getRepository(EvidenceItem)
      .createQueryBuilder('e')
      .innerJoin('cases', 'c', 'c.id = e.case_id')
      .where(`e.status = 'failed'`)
      .andWhere(...visibleCasesWhere('c', by, this.clock.today()));
  }
}
