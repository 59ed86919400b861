import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent, AuditResult } from './audit-event.entity';
import type { AuditContext } from './audit-context';
import { ChainBreak, checkLink, eventHash, GENESIS_HASH } from './audit-chain.rules';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  result?: AuditResult;
  /** Ids and field names, never personal content. */
  details?: Record<string, unknown>;
}

export interface ChainVerification {
  count: number;
  broken: ChainBreak | null;
}

/** Any constant works: every appender takes the same transaction-scoped advisory lock. */
const CHAIN_LOCK = 7_301_462_019;
const VERIFY_BATCH = 5_000;

/** The append-only, hash-chained audit log. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event inside the caller's transaction, so the change and its record commit together.
   * The chain lock is held until that transaction ends: keep audit as the last step of a write.
   */
  async record(em: EntityManager, context: AuditContext, entry: AuditEntry): Promise<AuditEvent> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [last] = (await em.query('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')) as {
      id: string;
      hash: string;
    }[];
    const content = {
      id: last ? (BigInt(last.id) + 1n).toString() : '1',
      occurredAt: new Date(),
      actorId: context.actorId,
      actorName: context.actorName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      requestId: context.requestId,
      result: entry.result ?? 'success',
      details: entry.details ? JSON.stringify(entry.details) : null,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const event = em.create(AuditEvent, { ...content, prevHash, hash: eventHash(prevHash, content) });
    await em.insert(AuditEvent, event);
    return event;
  }

  /** Appends an event in a transaction of its own: for reads, and for refusals that change nothing. */
  async recordNow(context: AuditContext, entry: AuditEntry): Promise<AuditEvent> {
    return this.dataSource.transaction((em) => this.record(em, context, entry));
  }

  async forEntity(
    entityType: string,
    entityId: string | undefined,
    page: { limit: number; beforeId?: string },
  ): Promise<AuditEvent[]> {
    const query = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.entity_type = :entityType', { entityType })
      .orderBy('e.id', 'DESC')
      .limit(page.limit);
    if (entityId) query.andWhere('e.entity_id = :entityId', { entityId });
    if (page.beforeId) query.andWhere('e.id < :beforeId', { beforeId: page.beforeId });
    return query.getMany();
  }

  /** Walks the whole chain in id order, in batches, and stops at the first broken link. */
  async verify(onProgress?: (checked: number) => void): Promise<ChainVerification> {
    let expectedPrev = GENESIS_HASH;
    let afterId = '0';
    let count = 0;
    for (;;) {
      const batch = await this.dataSource
        .getRepository(AuditEvent)
        .createQueryBuilder('e')
        .where('e.id > :afterId', { afterId })
        .orderBy('e.id', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      for (const event of batch) {
        const reason = checkLink(expectedPrev, event);
        if (reason) return { count, broken: { id: event.id, reason } };
        expectedPrev = event.hash;
        count++;
      }
      onProgress?.(count);
      if (batch.length < VERIFY_BATCH) return { count, broken: null };
      afterId = batch[batch.length - 1].id;
    }
  }
}
