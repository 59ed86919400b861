import type { EntityManager } from 'typeorm';
import type { AuditContext, AuditService } from '@precedent/audit';
import { type CustodyAction, CustodyEvent } from './custody-event.entity';
import type { EvidenceItem } from './evidence-item.entity';

/**
 * Writes one custody event and its audit event in the caller's transaction. The audit event comes
 * last, because it holds the audit chain's lock until the transaction ends.
 */
export async function recordCustody(
  em: EntityManager,
  audit: AuditService,
  context: AuditContext,
  item: Pick<EvidenceItem, 'id' | 'caseId'>,
  action: CustodyAction,
  sha256: string | null,
  details?: Record<string, unknown>,
): Promise<void> {
  await em.save(
    em.create(CustodyEvent, {
      evidenceId: item.id,
      caseId: item.caseId,
      action,
      actorId: context.actorId,
      actorName: context.actorName,
      sha256,
      requestId: context.requestId,
      details: details ?? null,
    }),
  );
  await audit.record(em, context, {
    action: `evidence.${action}`,
    entityType: 'evidence',
    entityId: item.id,
    // ids, hashes and outcomes only: never names or text from the evidence
    details: {
      caseId: item.caseId,
      sha256,
      ...(typeof details?.result === 'string' ? { result: details.result } : {}),
    },
  });
}
