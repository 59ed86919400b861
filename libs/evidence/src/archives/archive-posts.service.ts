import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normaliseText } from '@precedent/analytics';
import { AuditService } from '@precedent/audit';
import { findOpenableCase, type Platform } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import { recordCustody } from '../items/custody-log';
import { findAccessibleItem } from '../items/accessible-item';
import { ArchivePost, type PostLocator } from './archive-post.entity';
import { type ParticipantPart, participantParts } from './participants.rules';

export interface PostSearch {
  q?: string;
  /** Only the posts (and OCR text) of this one evidence item, as on the item's page. */
  evidenceId?: string;
  platform?: Platform;
  author?: string;
  /** ISO date or date-time; a date alone means from the start of that day (UTC). */
  from?: string;
  /** ISO date or date-time; a date alone includes the whole day. */
  to?: string;
  limit: number;
  offset: number;
}

export interface PostHit {
  /** The archive post's id, or the evidence item's for OCR text. */
  id: string;
  source: 'archive_post' | 'ocr';
  evidenceId: string;
  platform: Platform | null;
  author: string | null;
  postedAt: Date | null;
  postedAtLocal: string | null;
  text: string;
  facts: string[];
  media: string[];
  locator: PostLocator | { ocr: true; entrySha256: string };
}

const MAX_WORDS = 12;
/** Letter runs shorter than this match too much to be worth a substring search. */
const MIN_LETTERS = 4;

/**
 * Search over a case's archive posts and OCR text. Each word of `q` must match, either as a word
 * (English stemming, accents removed: the `precedent_search` configuration) or, when lightly
 * obfuscated ("r4c1st", "s.l.u.r", "sooo"), as a run of letters after the analytics normalisation.
 */
@Injectable()
export class ArchivePostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async search(
    caseId: string,
    search: PostSearch,
    by: Principal,
    requestId: string,
  ): Promise<{ items: PostHit[]; total: number }> {
    return this.dataSource.transaction(async (em) => {
      await findOpenableCase(em, caseId, by, false, this.clock.today());
      const params: unknown[] = [caseId];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      const words = (search.q ?? '').split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
      const wordConditions = words.map((word) => {
        const fullText = `to_tsvector('precedent_search', u.text) @@ plainto_tsquery('precedent_search', ${param(word)})`;
        const letters = normaliseText(word).letters;
        return letters.length >= MIN_LETTERS
          ? `(${fullText} OR u.search_letters LIKE ${param(`%${letters}%`)})`
          : `(${fullText})`;
      });
      const filters = [...wordConditions];
      if (search.evidenceId) filters.push(`u.evidence_id = ${param(search.evidenceId)}`);
      if (search.platform) filters.push(`u.platform = ${param(search.platform)}`);
      if (search.author) filters.push(`u.author ILIKE ${param(`%${escapeLike(search.author)}%`)}`);
      if (search.from) filters.push(`u.posted_at >= ${param(boundary(search.from, 'start'))}`);
      if (search.to) filters.push(`u.posted_at < ${param(boundary(search.to, 'end'))}`);
      const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
      const union = `
        SELECT p.id::text AS id, 'archive_post' AS source, p.evidence_id, p.platform, p.author, p.posted_at,
               p.posted_at_local, p.text, p.search_letters, p.facts, p.media, p.locator, p.seq
          FROM archive_posts p WHERE p.case_id = $1
        UNION ALL
        SELECT e.id::text, 'ocr', e.id, e.platform, e.account_handle, e.captured_at, NULL, o.text, o.search_letters,
               '{}'::text[], '{}'::text[], jsonb_build_object('ocr', true, 'entrySha256', e.sha256), 0
          FROM evidence_ocr_results o JOIN evidence_items e ON e.id = o.evidence_id WHERE e.case_id = $1`;
      const [{ total }] = await em.query<{ total: string }[]>(
        `SELECT count(*) AS total FROM (${union}) u ${where}`,
        params,
      );
      const rows = await em.query<Record<string, unknown>[]>(
        `SELECT * FROM (${union}) u ${where}
          ORDER BY u.posted_at ASC NULLS LAST, u.evidence_id, u.seq
          LIMIT ${param(search.limit)} OFFSET ${param(search.offset)}`,
        params,
      );
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'evidence.posts_search',
        entityType: 'case',
        entityId: caseId,
        // which filters were used, never the words searched for
        details: {
          filters: Object.keys(search).filter(
            (k) => !['limit', 'offset'].includes(k) && search[k as keyof PostSearch],
          ),
          total: Number(total),
        },
      });
      return {
        total: Number(total),
        items: rows.map((r) => ({
          id: r.id as string,
          source: r.source as PostHit['source'],
          evidenceId: r.evidence_id as string,
          platform: r.platform as Platform | null,
          author: r.author as string | null,
          postedAt: r.posted_at as Date | null,
          postedAtLocal: r.posted_at_local as string | null,
          text: r.text as string,
          facts: r.facts as string[],
          media: r.media as string[],
          locator: r.locator as PostHit['locator'],
        })),
      };
    });
  }

  /** The per-participant view of one chat export; recorded on the item's custody log as a view. */
  async participants(evidenceId: string, by: Principal, requestId: string): Promise<ParticipantPart[]> {
    return this.dataSource.transaction(async (em) => {
      const item = await findAccessibleItem(em, evidenceId, by, this.clock.today());
      const posts = await em.find(ArchivePost, {
        select: { seq: true, author: true, kind: true, text: true, facts: true, postedAt: true },
        where: { evidenceId },
        order: { seq: 'ASC' },
      });
      await recordCustody(em, this.audit, auditContextOf(by, requestId), item, 'viewed', item.sha256, {
        what: 'participants',
      });
      return participantParts(posts);
    });
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function boundary(value: string, side: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    return side === 'start' ? day : new Date(day.getTime() + 86_400_000);
  }
  const instant = new Date(value);
  return side === 'start' ? instant : new Date(instant.getTime() + 1);
}
