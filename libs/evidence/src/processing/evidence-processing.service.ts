import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type AuditContext, AuditService, systemContext } from '@precedent/audit';
import { recordCustody } from '../items/custody-log';
import { EvidenceItem } from '../items/evidence-item.entity';
import { EvidenceUnprocessableError } from '../items/evidence.errors';
import { EvidenceStorage } from '../storage/evidence-storage';
import { normaliseText } from '@precedent/analytics';
import { ArchivePost } from '../archives/archive-post.entity';
import {
  ChatDateOrderAmbiguousError,
  ChatLayoutError,
  londonInstant,
  parseWhatsAppChat,
} from '../archives/whatsapp.rules';
import { readArchiveEntry } from '../archives/zip-reader';
import { processImage } from './image-processing';
import { OcrEngine } from './ocr-engine';
import { OcrResult } from './ocr-result.entity';

/** Images larger than this are not decoded in memory; the original stays stored and verifiable. */
const MAX_IMAGE_BYTES = 200 * 1024 * 1024;
/** A chat export larger than this is not parsed in memory (200,000 lines is about 20 MB). */
const MAX_CHAT_BYTES = 256 * 1024 * 1024;
const INSERT_BATCH = 5_000;

/**
 * Runs an item's processing steps in the worker: thumbnail and preview, metadata with EXIF, OCR.
 * Idempotent: derived files are content-addressed and the OCR row is replaced, so a retry after a
 * crash repeats work without duplicating it; a processed item is left alone.
 */
@Injectable()
export class EvidenceProcessingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: EvidenceStorage,
    private readonly ocr: OcrEngine,
    private readonly audit: AuditService,
  ) {}

  async process(evidenceId: string, jobId: string | null): Promise<void> {
    const items = this.dataSource.getRepository(EvidenceItem);
    const item = await items.findOneBy({ id: evidenceId });
    if (!item || item.status === 'processed') return;
    await items.update(
      { id: evidenceId },
      { status: 'processing', processingAttempts: () => 'processing_attempts + 1' },
    );

    if (item.steps.includes('archive')) return this.processArchive(item, jobId);

    const bytes = await this.readOriginal(item, MAX_IMAGE_BYTES);
    const image = await processImage(bytes);
    const thumbnailSha256 = await this.storage.put(image.thumbnail);
    const previewSha256 = await this.storage.put(image.preview);
    const ocr = item.steps.includes('ocr') ? await this.ocr.recognise(image.ocrInput) : null;

    const context = systemContext('evidence-processing', jobId);
    await this.dataSource.transaction(async (em) => {
      await em.update(
        EvidenceItem,
        { id: evidenceId },
        {
          status: 'processed',
          error: null,
          processedAt: new Date(),
          imageMetadata: image.metadata,
          thumbnailSha256,
          previewSha256,
        },
      );
      if (ocr) {
        await em.upsert(
          OcrResult,
          {
            evidenceId,
            text: ocr.text,
            searchLetters: normaliseText(ocr.text).letters,
            confidence: ocr.confidence,
            words: ocr.words,
            engine: ocr.engine,
            recognisedAt: new Date(),
          },
          ['evidenceId'],
        );
      }
      await this.log(em, context, item, 'processed', {
        steps: item.steps,
        thumbnailSha256,
        previewSha256,
        ocrWords: ocr?.words.length ?? null,
      });
    });
  }

  /**
   * Records a failed attempt. While retries remain the item goes back to "queued" with the reason;
   * after the last one it is "failed", and the failure is on its custody record.
   */
  async recordFailure(
    evidenceId: string,
    reason: string,
    final: boolean,
    jobId: string | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const item = await em.findOneBy(EvidenceItem, { id: evidenceId });
      if (!item) return;
      await em.update(
        EvidenceItem,
        { id: evidenceId },
        final
          ? { status: 'failed', error: reason }
          : { status: 'queued', error: `The last attempt failed and will be retried: ${reason}` },
      );
      if (final)
        await this.log(em, systemContext('evidence-processing', jobId), item, 'processing_failed', {
          reason,
        });
    });
  }

  /**
   * A WhatsApp chat, alone (.txt) or inside its ZIP, parsed into archive posts that replace any
   * from an earlier run, with a locator back to the entry, its hash and the line.
   */
  private async processArchive(item: EvidenceItem, jobId: string | null): Promise<void> {
    const source =
      item.mediaType === 'application/zip'
        ? await this.storage.withLocalFile(item.sha256, readArchiveEntry)
        : { entry: null, sha256: item.sha256, bytes: await this.readOriginal(item, MAX_CHAT_BYTES) };
    if (!source) throw new EvidenceUnprocessableError('The stored bytes of this item are missing.');
    let chat: ReturnType<typeof parseWhatsAppChat>;
    try {
      chat = parseWhatsAppChat(
        new TextDecoder('utf-8').decode(source.bytes),
        item.chatDateOrder ?? undefined,
      );
    } catch (error) {
      if (error instanceof ChatDateOrderAmbiguousError) throw new EvidenceUnprocessableError(error.message);
      if (error instanceof ChatLayoutError)
        throw new EvidenceUnprocessableError(
          `No parser recognises this ${source.entry ? `archive entry (${source.entry})` : 'text file'}: ${error.message}`,
        );
      throw error;
    }
    const participants = [
      ...new Set(chat.messages.map((m) => m.author).filter((a): a is string => a !== null)),
    ];
    const context = systemContext('evidence-processing', jobId);
    await this.dataSource.transaction(async (em) => {
      await em.delete(ArchivePost, { evidenceId: item.id });
      for (let start = 0; start < chat.messages.length; start += INSERT_BATCH) {
        const rows = chat.messages.slice(start, start + INSERT_BATCH).map((m) => ({
          seq: m.seq,
          kind: m.facts.includes('system') ? 'system' : 'message',
          author: m.author,
          posted_at: m.local ? londonInstant(m.local).toISOString() : null,
          posted_at_local: m.local,
          text: m.text,
          search_letters: normaliseText(m.text).letters,
          raw: m.raw,
          media: m.media,
          facts: m.facts,
          locator: { entry: source.entry, entrySha256: source.sha256, line: m.line, lines: m.lineCount },
        }));
        // one parameter per batch: far faster than a VALUES list of 17 parameters a row
        await em.query(
          `INSERT INTO archive_posts (evidence_id, case_id, platform, seq, kind, author, posted_at, posted_at_local,
                                      text, search_letters, raw, media, facts, locator)
           SELECT $1, $2, 'whatsapp', r.seq, r.kind, r.author, r.posted_at, r.posted_at_local,
                  r.text, r.search_letters, r.raw, r.media, r.facts, r.locator
             FROM jsonb_to_recordset($3::jsonb) AS r(seq int, kind text, author text, posted_at timestamptz,
                  posted_at_local text, text text, search_letters text, raw text, media text[], facts text[], locator jsonb)`,
          [item.id, item.caseId, JSON.stringify(rows)],
        );
      }
      const archiveSummary = {
        format: 'whatsapp' as const,
        entry: source.entry,
        entrySha256: source.sha256,
        posts: chat.messages.length,
        participants,
        dateOrder: chat.dateOrder,
        dateOrderReason: chat.dateOrderReason,
        timeZoneAssumed: 'Europe/London',
      };
      await em.update(
        EvidenceItem,
        { id: item.id },
        { status: 'processed', error: null, processedAt: new Date(), archiveSummary },
      );
      await this.log(em, context, item, 'processed', {
        steps: item.steps,
        entry: source.entry,
        entrySha256: source.sha256,
        posts: chat.messages.length,
        dateOrder: chat.dateOrder,
      });
    });
  }

  private async readOriginal(item: EvidenceItem, limit: number): Promise<Buffer> {
    if (Number(item.size) > limit)
      throw new EvidenceUnprocessableError(
        `The file is ${Math.round(Number(item.size) / 1048576)} MB; files of this type over ${limit / 1048576} MB are stored and verifiable but not processed.`,
      );
    const stream = await this.storage.read(item.sha256);
    if (!stream) throw new EvidenceUnprocessableError('The stored bytes of this item are missing.');
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  private log(
    em: EntityManager,
    context: AuditContext,
    item: EvidenceItem,
    action: 'processed' | 'processing_failed',
    details: Record<string, unknown>,
  ): Promise<void> {
    return recordCustody(em, this.audit, context, item, action, item.sha256, details);
  }
}
