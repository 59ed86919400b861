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
/** Well under PostgreSQL's 65,535 bind parameters per statement (10 columns an event). */
const GROUP_COMMIT_MAX = 500;

interface PendingEvent {
  context: AuditContext;
  entry: AuditEntry;
  resolve: (event: AuditEvent) => void;
  reject: (error: unknown) => void;
  /** Set after its group commit failed: retried in a transaction of its own. */
  alone?: boolean;
}

/** The append-only, hash-chained audit log. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stand-alone events waiting for the next group commit, in arrival order. */
  private pending: PendingEvent[] = [];
  private flushing: Promise<void> | null = null;

  /**
   * Appends an event inside the caller's transaction, so the change and its record commit together.
   * The chain lock is held until that transaction ends: keep audit as the last step of a write.
   */
  async record(em: EntityManager, context: AuditContext, entry: AuditEntry): Promise<AuditEvent> {
    const [event] = await this.append(em, [{ context, entry }]);
    return event;
  }

  /**
   * Appends an event in a transaction of its own: for reads, and for refusals that change nothing.
   *
   * Every append holds the chain lock until its commit, so one transaction per read made reads queue
   * behind each other's fsync (issue 3: case page reads at 50 concurrent clients). Events that arrive
   * while a commit is in flight are chained and committed together in the next transaction (group
   * commit). Each caller still waits for the commit of its own event, so nothing is answered unrecorded.
   */
  recordNow(context: AuditContext, entry: AuditEntry): Promise<AuditEvent> {
    return new Promise<AuditEvent>((resolve, reject) => {
      this.pending.push({ context, entry, resolve, reject });
      this.flushing ??= this.flushPending();
    });
  }

  private async flushPending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending[0].alone ? this.pending.splice(0, 1) : this.takeBatch();
      try {
        const events = await this.dataSource.transaction((em) => this.append(em, batch));
        batch.forEach((waiting, i) => waiting.resolve(events[i]));
      } catch (error) {
        if (batch.length === 1) batch[0].reject(error);
        // one event that cannot be written must not fail the requests it happened to share a commit with
        else this.pending.unshift(...batch.map((waiting) => ({ ...waiting, alone: true })));
      }
    }
    this.flushing = null;
  }

  /** The next events to commit together: up to the first that must be written alone. */
  private takeBatch(): PendingEvent[] {
    const end = this.pending.findIndex((waiting) => waiting.alone);
    return this.pending.splice(0, Math.min(end === -1 ? this.pending.length : end, GROUP_COMMIT_MAX));
  }

  /** Chains the entries after the newest event, under the chain lock, and inserts them in one statement. */
  private async append(
    em: EntityManager,
    entries: readonly { context: AuditContext; entry: AuditEntry }[],
  ): Promise<AuditEvent[]> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [last] = (await em.query('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')) as {
      id: string;
      hash: string;
    }[];
    let nextId = last ? BigInt(last.id) + 1n : 1n;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const occurredAt = new Date();
    const events = entries.map(({ context, entry }) => {
      const content = {
        id: (nextId++).toString(),
        occurredAt,
        actorId: context.actorId,
        actorName: context.actorName,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        requestId: context.requestId,
        result: entry.result ?? 'success',
        details: entry.details ? JSON.stringify(entry.details) : null,
      };
      const event = em.create(AuditEvent, { ...content, prevHash, hash: eventHash(prevHash, content) });
      prevHash = event.hash;
      return event;
    });
    await em.insert(AuditEvent, events);
    return events;
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
