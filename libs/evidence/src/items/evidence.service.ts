import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditContext } from '@precedent/audit';
import { findOpenableCase, type Platform } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock, ConflictError, InvalidInputError, NotFoundError, Outbox } from '@precedent/platform';
import { EVIDENCE_QUEUE, EvidenceJob } from '../evidence.jobs';
import { OcrResult } from '../processing/ocr-result.entity';
import { EvidenceStorage, type StagedBlob } from '../storage/evidence-storage';
import { type CustodyAction, CustodyEvent } from './custody-event.entity';
import { recordCustody } from './custody-log';
import { findAccessibleItem } from './accessible-item';
import { EvidenceItem, type IntegrityStatus, type ProcessingStep } from './evidence-item.entity';
import { detectEvidenceType } from './evidence-type';
import { type EvidenceMediaType, IMAGE_TYPES, SNIFF_BYTES } from './evidence-type.rules';
import { EvidenceNotFoundError, EvidenceTypeNotAcceptedError } from './evidence.errors';

export interface CaptureMetadata {
  capturedAt?: string;
  capturedBy?: string;
  sourceUrl?: string;
  platform?: Platform;
  accountHandle?: string;
  description?: string;
}

/** An upload's bytes, staged and hashed, with the type read from them. */
export interface ReceivedFile {
  staged: StagedBlob;
  mediaType: EvidenceMediaType;
  originalName: string;
}

export interface UploadOutcome {
  item: EvidenceItem;
  /** The same bytes were already evidence in this case: no new item was made. */
  duplicate: boolean;
}

export interface VerifyOutcome {
  item: EvidenceItem;
  result: Exclude<IntegrityStatus, 'unchecked'>;
  expected: string;
  actual: string | null;
  checkedAt: Date;
}

export type Rendition = 'original' | 'thumbnail' | 'preview';

export interface EvidenceContent {
  item: EvidenceItem;
  sha256: string;
  stream: Readable;
}

/** What processing an item of this type gets; an empty list means there is nothing to run. */
export function stepsFor(mediaType: EvidenceMediaType): ProcessingStep[] {
  if (IMAGE_TYPES.includes(mediaType)) return ['thumbnail', 'metadata', 'ocr'];
  // exports: WhatsApp .txt (alone or in its ZIP), X archives (the ZIP or a data .js), Facebook and
  // Instagram JSON (the ZIP or one file)
  const exports: EvidenceMediaType[] = [
    'text/plain',
    'application/zip',
    'text/javascript',
    'application/json',
  ];
  if (exports.includes(mediaType)) return ['archive'];
  return [];
}

class EvidenceBytesMissingError extends ConflictError {
  constructor(id: string) {
    super(
      'evidence_bytes_missing',
      `The stored bytes of evidence item ${id} cannot be found. Run POST /api/evidence/${id}/verify to record the loss, and tell the evidence custodian.`,
    );
  }
}

/** A staged upload older than this is left over from a stopped process (an upload streams in minutes). */
export const STAGING_ORPHAN_MS = 60 * 60 * 1000;

/**
 * Evidence in a case: received and hashed on arrival, stored once by content, and every touch
 * (upload, view, download, integrity check) written to the chain of custody and the audit log.
 */
@Injectable()
export class EvidenceService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: EvidenceStorage,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /**
   * At start, staged uploads a stopped process left behind are deleted: they are nobody's evidence,
   * yet hold what someone sent. Only those older than STAGING_ORPHAN_MS, so another instance's upload
   * in progress is left alone.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.storage.sweepStaging(new Date(Date.now() - STAGING_ORPHAN_MS));
  }

  /**
   * Streams an upload into staging while hashing it. Refuses at once, before storing anything past
   * the first bytes, a case the person may not add to or a type that is not accepted.
   */
  async receive(
    caseId: string,
    by: Principal,
    source: Readable,
    originalName: string,
  ): Promise<ReceivedFile> {
    await findOpenableCase(this.dataSource.manager, caseId, by, false, this.clock.today());
    let mediaType: EvidenceMediaType | undefined;
    const staged = await this.storage.stage(source, {
      headBytes: SNIFF_BYTES,
      inspectHead: async (head, complete) => {
        const detection = await detectEvidenceType(head, complete);
        if (!detection.accepted) throw new EvidenceTypeNotAcceptedError(detection.detected);
        mediaType = detection.mediaType;
      },
    });
    return { staged, mediaType: mediaType!, originalName };
  }

  /** Forgets a received file that will not be recorded. */
  discard(received: ReceivedFile): Promise<void> {
    return this.storage.discard(received.staged.stagingId);
  }

  /**
   * Makes received bytes evidence in the case: stored once (write-once, by hash), recorded with the
   * capture metadata, queued for processing. The same bytes again are the existing item.
   */
  async record(
    caseId: string,
    received: ReceivedFile,
    capture: CaptureMetadata,
    by: Principal,
    requestId: string,
  ): Promise<UploadOutcome> {
    const context = auditContextOf(by, requestId);
    const { staged, mediaType } = received;
    try {
      return await this.dataSource.transaction(async (em) => {
        await findOpenableCase(em, caseId, by, false, this.clock.today());
        const steps = stepsFor(mediaType);
        const inserted = await em
          .createQueryBuilder()
          .insert()
          .into(EvidenceItem)
          .values({
            caseId,
            originalName: received.originalName,
            size: String(staged.size),
            mediaType,
            sha256: staged.sha256,
            uploadedById: by.userId,
            uploadedByName: by.username,
            capturedAt: capture.capturedAt ? new Date(capture.capturedAt) : null,
            capturedBy: capture.capturedBy ?? null,
            sourceUrl: capture.sourceUrl ?? null,
            platform: capture.platform ?? null,
            accountHandle: capture.accountHandle ?? null,
            description: capture.description ?? null,
            steps,
            status: steps.length > 0 ? 'queued' : 'processed',
            processedAt: steps.length > 0 ? null : new Date(),
          })
          .orIgnore()
          .returning(['id'])
          .execute();
        const newId = (inserted.raw as { id: string }[])[0]?.id;
        if (!newId) {
          const existing = await em.findOneByOrFail(EvidenceItem, { caseId, sha256: staged.sha256 });
          await this.log(em, context, existing, 'upload_repeated', existing.sha256, {
            originalName: received.originalName,
          });
          return { item: existing, duplicate: true };
        }
        // the bytes reach their address inside the transaction: if that fails, no row says they exist
        await this.storage.commit(staged);
        const item = await em.findOneByOrFail(EvidenceItem, { id: newId });
        if (steps.length > 0) await this.enqueueProcessing(em, item);
        await this.log(em, context, item, 'uploaded', item.sha256, {
          size: staged.size,
          mediaType,
          originalName: received.originalName,
        });
        return { item, duplicate: false };
      });
    } finally {
      await this.storage.discard(staged.stagingId);
    }
  }

  /**
   * The case's evidence as it goes into an export (a hearing bundle): each item's custody log
   * records the export, its purpose and the hash listed, in one transaction with the read.
   */
  async export(caseId: string, purpose: string, by: Principal, requestId: string): Promise<EvidenceItem[]> {
    return this.dataSource.transaction(async (em) => {
      await findOpenableCase(em, caseId, by, false, this.clock.today());
      const items = await em.find(EvidenceItem, {
        where: { caseId },
        order: { uploadedAt: 'ASC', id: 'ASC' },
      });
      const context = auditContextOf(by, requestId);
      for (const item of items)
        await recordCustody(em, this.audit, context, item, 'exported', item.sha256, { purpose });
      return items;
    });
  }

  async list(caseId: string, by: Principal, requestId: string): Promise<EvidenceItem[]> {
    return this.dataSource.transaction(async (em) => {
      await findOpenableCase(em, caseId, by, false, this.clock.today());
      const items = await em.find(EvidenceItem, {
        where: { caseId },
        order: { uploadedAt: 'ASC', id: 'ASC' },
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'evidence.list',
        entityType: 'case',
        entityId: caseId,
        details: { count: items.length },
      });
      return items;
    });
  }

  /**
   * The case's items with the text read from each image, for the case page's excerpts: one read
   * and one audit record for the list, as list() has, rather than an opened item per screenshot.
   */
  async listWithText(
    caseId: string,
    by: Principal,
    requestId: string,
  ): Promise<{ item: EvidenceItem; ocrText: string | null }[]> {
    return this.dataSource.transaction(async (em) => {
      await findOpenableCase(em, caseId, by, false, this.clock.today());
      const items = await em.find(EvidenceItem, {
        where: { caseId },
        order: { uploadedAt: 'ASC', id: 'ASC' },
      });
      const texts = items.length
        ? await em
            .createQueryBuilder(OcrResult, 'ocr')
            .select(['ocr.evidenceId', 'ocr.text'])
            .where('ocr.evidenceId IN (:...ids)', { ids: items.map((item) => item.id) })
            .getMany()
        : [];
      const byItem = new Map(texts.map((ocr) => [ocr.evidenceId, ocr.text]));
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'evidence.list',
        entityType: 'case',
        entityId: caseId,
        details: { count: items.length, withText: byItem.size },
      });
      return items.map((item) => ({ item, ocrText: byItem.get(item.id) ?? null }));
    });
  }

  async open(
    id: string,
    by: Principal,
    requestId: string,
  ): Promise<{ item: EvidenceItem; ocr: OcrResult | null }> {
    return this.dataSource.transaction(async (em) => {
      const item = await this.findAccessible(em, id, by);
      const ocr = await em.findOneBy(OcrResult, { evidenceId: id });
      await this.log(em, auditContextOf(by, requestId), item, 'viewed', item.sha256, { what: 'record' });
      return { item, ocr };
    });
  }

  /** The files inside a ZIP item, each with its size and SHA-256. */
  async members(id: string, by: Principal, requestId: string): Promise<EvidenceItem['archiveMembers']> {
    return this.dataSource.transaction(async (em) => {
      const item = await this.findAccessible(em, id, by);
      if (!item.archiveMembers) throw new NotFoundError('archive members of evidence item', id);
      await this.log(em, auditContextOf(by, requestId), item, 'viewed', item.sha256, { what: 'members' });
      return item.archiveMembers;
    });
  }

  /** The OCR text and word boxes of an image. */
  async ocr(id: string, by: Principal, requestId: string): Promise<OcrResult> {
    return this.dataSource.transaction(async (em) => {
      const item = await this.findAccessible(em, id, by);
      const ocr = await em.findOneBy(OcrResult, { evidenceId: id });
      if (!ocr) throw new NotFoundError('OCR text for evidence item', id);
      await this.log(em, auditContextOf(by, requestId), item, 'viewed', item.sha256, { what: 'ocr' });
      return ocr;
    });
  }

  /** The stored bytes (or a rendition of an image); recorded before a byte is sent. */
  async content(
    id: string,
    rendition: Rendition,
    by: Principal,
    requestId: string,
  ): Promise<EvidenceContent> {
    let stream: Readable | null = null;
    try {
      return await this.dataSource.transaction(async (em) => {
        const item = await this.findAccessible(em, id, by);
        const sha256 = rendition === 'original' ? item.sha256 : item[`${rendition}Sha256`]?.trim();
        if (!sha256) throw new NotFoundError(`${rendition} of evidence item`, id);
        stream = await this.storage.read(sha256);
        if (!stream) throw new EvidenceBytesMissingError(id);
        await this.log(
          em,
          auditContextOf(by, requestId),
          item,
          rendition === 'original' ? 'downloaded' : 'viewed',
          item.sha256,
          rendition === 'original' ? undefined : { what: rendition, renditionSha256: sha256 },
        );
        return { item, sha256, stream };
      });
    } catch (error) {
      (stream as Readable | null)?.destroy();
      throw error;
    }
  }

  async custody(id: string, by: Principal, requestId: string): Promise<CustodyEvent[]> {
    return this.dataSource.transaction(async (em) => {
      const item = await this.findAccessible(em, id, by);
      const events = await em.find(CustodyEvent, { where: { evidenceId: item.id }, order: { id: 'ASC' } });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'evidence.custody_view',
        entityType: 'evidence',
        entityId: item.id,
      });
      return events;
    });
  }

  /** Re-reads and re-hashes the stored bytes, and records what was found. */
  async verify(
    id: string,
    by: Principal | null,
    requestId: string | null,
    context?: AuditContext,
  ): Promise<VerifyOutcome> {
    const item = by
      ? await this.findAccessible(this.dataSource.manager, id, by)
      : await this.dataSource.manager.findOneBy(EvidenceItem, { id });
    if (!item) throw new EvidenceNotFoundError(id);
    const found = await this.storage.rehash(item.sha256);
    const result = !found ? 'missing' : found.sha256 === item.sha256 ? 'intact' : 'mismatch';
    const checkedAt = new Date();
    await this.dataSource.transaction(async (em) => {
      await em.update(EvidenceItem, { id }, { integrity: result, integrityCheckedAt: checkedAt });
      await this.log(em, context ?? auditContextOf(by, requestId), item, 'verified', found?.sha256 ?? null, {
        expected: item.sha256,
        result,
        size: found?.size ?? null,
      });
    });
    item.integrity = result;
    item.integrityCheckedAt = checkedAt;
    return { item, result, expected: item.sha256, actual: found?.sha256 ?? null, checkedAt };
  }

  /** Queues a failed item's processing again (after a transient failure, or a fixed cause). */
  async reprocess(id: string, by: Principal, requestId: string): Promise<EvidenceItem> {
    return this.requeue(id, by, requestId, 'processing_requested', {}, (item) => {
      if (item.status !== 'failed')
        throw new InvalidInputError(
          'evidence_not_failed',
          `Only an item whose processing failed can be processed again; this one is ${item.status}.`,
        );
      return {};
    });
  }

  /**
   * The investigator's day/month order for a chat export whose dates cannot settle it. Recorded on
   * the custody log, and the chat is parsed again with it.
   */
  async chooseChatDateOrder(
    id: string,
    order: 'dmy' | 'mdy',
    by: Principal,
    requestId: string,
  ): Promise<EvidenceItem> {
    return this.requeue(id, by, requestId, 'date_order_chosen', { order }, (item) => {
      if (!item.steps.includes('archive'))
        throw new InvalidInputError('evidence_not_a_chat', 'A date order applies only to a chat export.');
      return { chatDateOrder: order };
    });
  }

  private async requeue(
    id: string,
    by: Principal,
    requestId: string,
    action: CustodyAction,
    details: Record<string, unknown>,
    change: (item: EvidenceItem) => Partial<Pick<EvidenceItem, 'chatDateOrder'>>,
  ): Promise<EvidenceItem> {
    return this.dataSource.transaction(async (em) => {
      await this.findAccessible(em, id, by);
      const item = await em.findOneOrFail(EvidenceItem, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const changed = change(item);
      await em.update(EvidenceItem, { id }, { ...changed, status: 'queued', error: null });
      Object.assign(item, changed, { status: 'queued', error: null });
      await this.enqueueProcessing(em, item);
      await this.log(em, auditContextOf(by, requestId), item, action, item.sha256, details);
      return item;
    });
  }

  private findAccessible(em: EntityManager, id: string, by: Principal): Promise<EvidenceItem> {
    return findAccessibleItem(em, id, by, this.clock.today());
  }

  private async enqueueProcessing(em: EntityManager, item: EvidenceItem): Promise<void> {
    await this.outbox.add(em, {
      queue: EVIDENCE_QUEUE,
      name: EvidenceJob.Process,
      data: { evidenceId: item.id },
      // one job per processing request: a relay retry never doubles it
      jobId: `evidence-process-${item.id}-${item.processingAttempts}`,
    });
  }

  private log(
    em: EntityManager,
    context: AuditContext,
    item: EvidenceItem,
    action: CustodyAction,
    sha256: string | null,
    details?: Record<string, unknown>,
  ): Promise<void> {
    return recordCustody(em, this.audit, context, item, action, sha256, details);
  }
}
