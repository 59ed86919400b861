import {
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Injectable,
  NestInterceptor,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { catchError, type Observable, of, throwError } from 'rxjs';
import { findPassages, LexiconService, suggestTerms } from '@precedent/analytics';
import { AUDIENCES, CaseContentsService, CATEGORIES, PARTICIPATION, TARGETS } from '@precedent/cases';
import {
  ArchivePostsService,
  EvidencePromotionService,
  EvidenceService,
  type Rendition,
} from '@precedent/evidence';
import { type Principal, ROLES } from '@precedent/identity';
import { DomainError, Env } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import type { UploadedEvidence } from '../evidence/evidence-upload.storage';
import { UploadEvidenceDto } from '../evidence/upload-evidence.dto';
import { AddConductItemDto } from '../cases/case-contents.dto';
import {
  byField,
  choices,
  filled,
  type FormProblem,
  type Posted,
  PROMOTE_FIELDS,
  promoteInput,
  validateForm,
} from './case-forms';
import { CsrfCheckedInMultipart, WebCsrf } from './csrf';
import { type CasePageNotice, uploadNoticeFor } from './page-notices';
import { words } from '../common/code-words';
import { markedHtml, type PassageMark, searchedMarks, termMarks } from './marked-text';

const POSTS_PER_PAGE = 50;

// a code, never the text: the case page shows only sentences it holds (page-notices)
const back = (caseId: string, notice: CasePageNotice) =>
  `/cases/${encodeURIComponent(caseId)}?notice=${notice}#evidence`;

/** A refused upload goes back to the case page with the reason in its error summary. */
@Injectable()
class WebUploadErrors implements NestInterceptor {
  constructor(private readonly env: Env) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const caseId = String(req.params.id ?? '');
        if (error instanceof PayloadTooLargeException) {
          res.redirect(303, back(caseId, 'upload-too-large'));
          return of(undefined);
        }
        if (error instanceof DomainError && error.kind === 'invalid') {
          res.redirect(303, back(caseId, uploadNoticeFor(error.code)));
          return of(undefined);
        }
        return throwError(() => error);
      }),
    );
  }
}

/**
 * Evidence in the staff web UI: the upload form on the case page (multipart, streamed into the
 * evidence store as the API's upload is, CSRF-checked before any byte is kept), an item's page with
 * its OCR text and, for a parsed export, its posts to search and use as conduct items (through the
 * promotion service, so the item keeps the link and the hash), and its thumbnail, preview and file
 * served through EvidenceService with the session, so each is access-checked and on the item's chain
 * of custody exactly as through the API.
 */
@ApiExcludeController()
@Controller()
@Roles(...ROLES)
export class EvidencePagesController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly csrf: WebCsrf,
    private readonly posts: ArchivePostsService,
    private readonly promotion: EvidencePromotionService,
    private readonly contents: CaseContentsService,
    private readonly lexicon: LexiconService,
  ) {}

  @Post('cases/:id/evidence')
  @Roles('investigator', 'appropriate_authority')
  @CsrfCheckedInMultipart()
  @UseInterceptors(WebUploadErrors, FileInterceptor('file'))
  async upload(
    @Req() req: AuthenticatedRequest,
    @Param('id') caseId: string,
    @UploadedFile() file: UploadedEvidence | undefined,
    @Body() body: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    if (!file?.received) return res.redirect(303, back(caseId, 'upload-missing'));
    const capture = plainToInstance(UploadEvidenceDto, {
      ...(body.description?.trim() ? { description: body.description.trim() } : {}),
      ...(body.sourceUrl?.trim() ? { sourceUrl: body.sourceUrl.trim() } : {}),
      ...(body.capturedBy?.trim() ? { capturedBy: body.capturedBy.trim() } : {}),
    });
    const problems = await validate(capture, { whitelist: true });
    if (problems.length) {
      await this.evidence.discard(file.received);
      return res.redirect(303, back(caseId, 'upload-details-invalid'));
    }
    const { item, duplicate } = await this.evidence.record(
      caseId,
      file.received,
      capture,
      principalOf(req),
      req.id,
    );
    res.redirect(303, `/evidence/${item.id}${duplicate ? '?duplicate=1' : ''}`);
  }

  @Get('evidence/:id')
  async page(@Req() req: AuthenticatedRequest, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    await this.show(req, res, id, {});
  }

  /** "Use as conduct item" on one post of the export: promoted, then back to the case's conduct items. */
  @Post('evidence/:id/conduct-items')
  @Roles('investigator', 'appropriate_authority')
  async promote(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    const input = promoteInput(body);
    let problems: FormProblem[];
    let caseId = '';
    try {
      const { item } = await this.evidence.open(id, principal, req.id);
      caseId = item.caseId;
      const checked = await validateForm(AddConductItemDto, input, PROMOTE_FIELDS, 'promote-audience');
      problems = checked.problems;
      if (!filled(body.archivePostId))
        problems.push({ text: 'Choose a post with its "Use as conduct item" button', href: '#posts' });
      if (problems.length === 0) {
        const { source, ...rest } = checked.value;
        await this.promotion.promote(item.caseId, { ...rest, source: source! }, principal, req.id);
      }
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'invalid')) throw error;
      problems = [{ text: error.message, href: '#posts' }];
    }
    if (problems.length === 0) return res.redirect(303, `/cases/${caseId}#conduct`);
    await this.show(req, res, id, {
      status: 400,
      form: body,
      errors: problems,
    });
  }

  /** The item's page; for an export, one page of its posts, searched with the API's search. */
  private async show(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    extra: { status?: number; form?: Posted; errors?: FormProblem[] },
  ): Promise<void> {
    const principal = principalOf(req);
    const { item, ocr } = await this.evidence.open(id, principal, req.id);
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 200) : '';
    const page = Math.max(1, Number.parseInt(String(req.query.page ?? '1'), 10) || 1);
    const found = item.archiveSummary
      ? await this.posts.search(
          item.caseId,
          {
            evidenceId: item.id,
            ...(q ? { q } : {}),
            limit: POSTS_PER_PAGE,
            offset: (page - 1) * POSTS_PER_PAGE,
          },
          principal,
          req.id,
        )
      : null;
    const link = (to: number) =>
      `/evidence/${item.id}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(to) })}#posts`;
    const form = extra.form ?? {};
    res.status(extra.status ?? 200).render('pages/evidence', {
      title: `${extra.errors ? 'Error: ' : ''}${item.originalName}`,
      active: 'cases',
      principal: req.principal,
      duplicate: req.query.duplicate === '1',
      item: {
        ...item,
        statusText: words(item.status),
        sizeText: `${Math.max(1, Math.round(Number(item.size) / 1024))} KB`,
        uploadedAtText: item.uploadedAt.toISOString().replace('T', ' ').slice(0, 16),
        hasImage: Boolean(item.previewSha256?.trim()),
      },
      ocr: ocr && {
        ...(await this.markedOcr(item.caseId, ocr.text, q, principal, req.id)),
        confidence: Math.round(ocr.confidence),
        engine: ocr.engine,
      },
      archive: item.archiveSummary && {
        formatText: words(item.archiveSummary.format),
        posts: item.archiveSummary.posts,
        participants: item.archiveSummary.participants.join(', '),
      },
      canPromote: principal.roles.some((role) => role === 'investigator' || role === 'appropriate_authority'),
      q,
      // a refused "use" comes back to the same page of the same search
      postsQuery: new URLSearchParams({
        ...(q ? { q } : {}),
        ...(page > 1 ? { page: String(page) } : {}),
      }).toString(),
      posts: found && {
        total: found.total,
        from: found.total === 0 ? 0 : (page - 1) * POSTS_PER_PAGE + 1,
        to: (page - 1) * POSTS_PER_PAGE + found.items.length,
        previous: page > 1 ? link(page - 1) : null,
        next: page * POSTS_PER_PAGE < found.total ? link(page + 1) : null,
        items: found.items
          .filter((post) => post.source === 'archive_post')
          .map((post) => ({
            id: post.id,
            author: post.author ?? 'System message',
            when: post.postedAtLocal?.replace('T', ' ') ?? 'no time given',
            text: post.text,
            facts: post.facts.map(words).join(', '),
          })),
      },
      errors: extra.errors ?? null,
      fieldErrors: byField(extra.errors ?? []),
      options: {
        audiences: choices(AUDIENCES, form.audience, words, 'selected', 'Choose who could see it'),
        categories: choices(CATEGORIES, form.categories, words, 'checked'),
        targets: choices(TARGETS, form.targets, words, 'checked'),
        participation: choices(PARTICIPATION, form.participation ?? 'author', words, 'selected'),
      },
    });
  }

  /**
   * The OCR text with what matters in it marked: the passages that match the case's conduct items
   * (a screenshot of the post), labelled with the item's number as on the case page; the lexicon's
   * terms, as on the conduct items; and the words searched for when the page was reached from a
   * search. The conduct items are read only when there is text to compare them with.
   */
  private async markedOcr(caseId: string, text: string, q: string, principal: Principal, requestId: string) {
    if (!text.trim()) return { html: '', passages: [], marksTerms: false, marksQuery: false };
    const [{ conductItems }, lexicon] = await Promise.all([
      this.contents.contents(caseId, principal, requestId),
      // read once for the page
      this.lexicon.list({ includeRetired: false }),
    ]);
    const found = findPassages(
      text,
      conductItems.map((item) => item.text),
    );
    const passages: PassageMark[] = found.map((passage) => ({
      start: passage.start,
      end: passage.end,
      id: `passage-${passage.quote + 1}`,
      label: `Matches conduct item ${passage.quote + 1}`,
    }));
    const terms = termMarks(suggestTerms(text, lexicon).matches);
    const searched = searchedMarks(text, q);
    return {
      html: markedHtml(text, [...searched, ...terms], passages),
      passages: found.map((passage) => ({
        number: passage.quote + 1,
        href: `#passage-${passage.quote + 1}`,
        conductHref: `/cases/${caseId}#conduct-item-${passage.quote + 1}`,
        coverage: Math.round(passage.coverage * 100),
      })),
      marksTerms: terms.length > 0,
      marksQuery: searched.length > 0,
    };
  }

  @Get('evidence/:id/thumbnail')
  thumbnail(@Req() req: AuthenticatedRequest, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.send('thumbnail', id, req, res);
  }

  @Get('evidence/:id/preview')
  preview(@Req() req: AuthenticatedRequest, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.send('preview', id, req, res);
  }

  @Get('evidence/:id/content')
  content(@Req() req: AuthenticatedRequest, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    return this.send('original', id, req, res);
  }

  private async send(rendition: Rendition, id: string, req: AuthenticatedRequest, res: Response) {
    const { item, sha256, stream } = await this.evidence.content(id, rendition, principalOf(req), req.id);
    res.setHeader('X-Evidence-SHA256', sha256);
    res.setHeader('Cache-Control', 'private, no-store');
    if (rendition === 'original') {
      res.setHeader('Content-Type', item.mediaType);
      res.setHeader('Content-Length', item.size);
      // never rendered in the app's origin: an HTML or SVG-bearing file is data here, not a page
      const ascii = item.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(item.originalName)}`,
      );
    } else {
      res.setHeader('Content-Type', 'image/webp');
    }
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}

function principalOf(req: AuthenticatedRequest): Principal {
  if (!req.principal) throw new Error('The evidence pages are for signed-in users only');
  return req.principal;
}
