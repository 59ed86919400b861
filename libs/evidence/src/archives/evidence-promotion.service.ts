import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@precedent/audit';
import {
  type AddConductItemInput,
  type Added,
  CaseContentsService,
  type ConductItem,
  type ConductItemSource,
  findOpenableCase,
  type Platform,
} from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError } from '@precedent/platform';
import { recordCustody } from '../items/custody-log';
import { EvidenceItem } from '../items/evidence-item.entity';
import { OcrResult } from '../processing/ocr-result.entity';
import { ArchivePost } from './archive-post.entity';

/** What a conduct item is promoted from: an archive post, or an OCR passage (a range of words). */
export interface PromotionSource {
  archivePostId?: string;
  ocrEvidenceId?: string;
  /** Indexes into the OCR words, both included; the whole text when absent. */
  words?: { from: number; to: number };
}

export type PromoteInput = Omit<AddConductItemInput, 'text' | 'platform' | 'source'> & {
  text?: string;
  platform?: Platform;
  source: PromotionSource;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Makes a conduct item of a case from its evidence, keeping the link and the hash of the file it
 * came from; the promotion is on the evidence's custody log in the same transaction as the item.
 */
@Injectable()
export class EvidencePromotionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contents: CaseContentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async promote(
    caseId: string,
    input: PromoteInput,
    by: Principal,
    requestId: string,
  ): Promise<Added<ConductItem>> {
    await findOpenableCase(this.dataSource.manager, caseId, by, false, this.clock.today());
    const { source, ...rest } = input;
    const resolved = await this.resolve(caseId, source);
    const platform = input.platform ?? resolved.platform;
    if (!platform)
      throw new InvalidInputError(
        'platform_required',
        'The evidence has no platform recorded: give the platform of this conduct item.',
        { fields: [{ field: 'platform', message: 'platform is required when the evidence does not say' }] },
      );
    const text = input.text ?? resolved.text;
    return this.contents.addConductItem(
      caseId,
      { ...rest, text, platform, postedAt: input.postedAt ?? resolved.postedAt, source: resolved.source },
      by,
      requestId,
      (em, conduct) =>
        recordCustody(
          em,
          this.audit,
          auditContextOf(by, requestId),
          resolved.item,
          'promoted',
          resolved.item.sha256,
          {
            conductItemId: conduct.id,
            archivePostId: resolved.source.archivePostId,
            ...(source.words ? { words: source.words } : {}),
          },
        ),
    );
  }

  private async resolve(
    caseId: string,
    source: PromotionSource,
  ): Promise<{
    item: EvidenceItem;
    text: string;
    platform: Platform | null;
    postedAt?: string;
    source: ConductItemSource;
  }> {
    const em = this.dataSource.manager;
    if (Boolean(source.archivePostId) === Boolean(source.ocrEvidenceId))
      throw new InvalidInputError(
        'source_invalid',
        'Give exactly one source: source.archivePostId or source.ocrEvidenceId.',
      );
    if (source.archivePostId) {
      const post = UUID.test(source.archivePostId)
        ? await em.findOneBy(ArchivePost, { id: source.archivePostId, caseId })
        : null;
      if (!post) throw unknownSource('source.archivePostId', 'an archive post of this case');
      const item = await em.findOneByOrFail(EvidenceItem, { id: post.evidenceId });
      return {
        item,
        text: post.text,
        platform: post.platform,
        postedAt: post.postedAt?.toISOString(),
        source: {
          evidenceId: item.id,
          archivePostId: post.id,
          sha256: item.sha256,
          locator: { ...post.locator, author: post.author, postedAtLocal: post.postedAtLocal },
        },
      };
    }
    const id = source.ocrEvidenceId!;
    const item = UUID.test(id) ? await em.findOneBy(EvidenceItem, { id, caseId }) : null;
    const ocr = item ? await em.findOneBy(OcrResult, { evidenceId: id }) : null;
    if (!item || !ocr)
      throw unknownSource('source.ocrEvidenceId', 'an evidence item of this case with OCR text');
    const range = source.words ?? { from: 0, to: ocr.words.length - 1 };
    if (range.from < 0 || range.to < range.from || range.to >= ocr.words.length)
      throw new InvalidInputError(
        'source_words_out_of_range',
        `source.words must lie within the ${ocr.words.length} words read from the image (0 to ${ocr.words.length - 1}).`,
        { fields: [{ field: 'source.words', message: 'out of range' }] },
      );
    const passage = ocr.words.slice(range.from, range.to + 1);
    return {
      item,
      text: source.words ? passage.map((w) => w.text).join(' ') : ocr.text,
      platform: item.platform,
      postedAt: item.capturedAt?.toISOString(),
      source: {
        evidenceId: item.id,
        archivePostId: null,
        sha256: item.sha256,
        locator: { ocr: true, words: range, boxes: passage.map((w) => w.box) },
      },
    };
  }
}

function unknownSource(field: string, what: string): InvalidInputError {
  return new InvalidInputError('unknown_source', `${field} is not ${what}.`, {
    fields: [{ field, message: `not ${what}` }],
  });
}
