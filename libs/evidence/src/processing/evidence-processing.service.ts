import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type AuditContext, AuditService, systemContext } from '@precedent/audit';
import { recordCustody } from '../items/custody-log';
import { EvidenceItem } from '../items/evidence-item.entity';
import { EvidenceUnprocessableError } from '../items/evidence.errors';
import { EvidenceStorage } from '../storage/evidence-storage';
import { normaliseText } from '@precedent/analytics';
import { ArchiveProcessingService } from '../archives/archive-processing.service';
import { processImage } from './image-processing';
import { OcrEngine } from './ocr-engine';
import { OcrResult } from './ocr-result.entity';

/** Images larger than this are not decoded in memory; the original stays stored and verifiable. */
const MAX_IMAGE_BYTES = 200 * 1024 * 1024;

/**
 * Runs an item's processing steps in the worker: thumbnail and preview, metadata with EXIF, OCR;
 * exports go to ArchiveProcessingService.
 * Idempotent: derived files are content-addressed and the OCR row is replaced, so a retry after a
 * crash repeats work without duplicating it; a processed item is left alone.
 */
@Injectable()
export class EvidenceProcessingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: EvidenceStorage,
    private readonly ocr: OcrEngine,
    private readonly archives: ArchiveProcessingService,
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

    if (item.steps.includes('archive')) return this.archives.process(item, jobId);

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
