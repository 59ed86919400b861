import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { ComparablesService, LexiconService, suggestTerms, type TermMatch } from '@precedent/analytics';
import {
  CASE_STATUSES,
  CaseContentsService,
  caseProfile,
  CasesService,
  CATEGORIES,
  INTAKE_SOURCES,
  PLATFORMS,
  type CaseStatus,
} from '@precedent/cases';
import { EvidenceService } from '@precedent/evidence';
import { OUTCOME_LABELS } from '@precedent/hearings';
import { ROLES } from '@precedent/identity';
import { DomainError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { RecordCaseDto } from '../cases/record-case.dto';
import { whyComparable } from './analytics-pages.controller';
import { words } from '../common/code-words';
import { escapeXml } from './charts/svg-charts';

const PAGE_SIZE = 25;
const STATUS_COLOURS: Partial<Record<CaseStatus, string>> = {
  received: 'govuk-tag--grey',
  assessed: 'govuk-tag--light-blue',
  investigating: 'govuk-tag--blue',
  hearing_scheduled: 'govuk-tag--purple',
  decided: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  withdrawn: 'govuk-tag--grey',
  iopc_referral_hold: 'govuk-tag--orange',
};

/**
 * The case pages of the staff web UI: the list (the API's filters and search), intake, and the
 * case page with its allowed transitions as buttons, contents with term-assistance highlights,
 * comparables and timeline. Every read goes through the cases services, so it is access-checked
 * and audited exactly as the API's.
 */
@ApiExcludeController()
@Controller('cases')
@Roles(...ROLES)
export class CasePagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly lexicon: LexiconService,
    private readonly comparables: ComparablesService,
    private readonly evidence: EvidenceService,
  ) {}

  @Get()
  async list(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
    const filters = {
      ...(query.status && (CASE_STATUSES as readonly string[]).includes(query.status)
        ? { status: query.status as CaseStatus }
        : {}),
      ...(query.source && (INTAKE_SOURCES as readonly string[]).includes(query.source)
        ? { source: query.source as (typeof INTAKE_SOURCES)[number] }
        : {}),
      ...(query.platform && (PLATFORMS as readonly string[]).includes(query.platform)
        ? { platform: query.platform as (typeof PLATFORMS)[number] }
        : {}),
      ...(query.category && (CATEGORIES as readonly string[]).includes(query.category)
        ? { category: query.category as (typeof CATEGORIES)[number] }
        : {}),
      ...(query.q?.trim() ? { q: query.q.trim().slice(0, 200) } : {}),
      // "see all your cases" from My work
      ...(query.investigator === 'me' ? { investigator: principalOf(req).userId } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    };
    const { items, total } = await this.cases.list(
      filters as Parameters<CasesService['list']>[0],
      principalOf(req),
    );
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (to: number) =>
      `/cases?${new URLSearchParams({ ...pick(query, ['status', 'source', 'platform', 'category', 'q', 'investigator']), page: String(to) })}`;
    res.render('pages/cases', {
      title: 'Cases',
      active: 'cases',
      principal: req.principal,
      query,
      total,
      canRecord: principalOf(req).roles.some(
        (role) => role === 'investigator' || role === 'appropriate_authority',
      ),
      rows: items.map(({ case: kase }) => ({
        id: kase.id,
        reference: kase.reference,
        received: kase.receivedAt,
        status: words(kase.status),
        statusClass: STATUS_COLOURS[kase.status] ?? '',
        summary: kase.summary.length > 120 ? `${kase.summary.slice(0, 117)}…` : kase.summary,
      })),
      options: {
        statuses: selectItems(CASE_STATUSES, query.status, 'Any status'),
        sources: selectItems(INTAKE_SOURCES, query.source, 'Any source'),
        platforms: selectItems(PLATFORMS, query.platform, 'Any platform'),
        categories: selectItems(CATEGORIES, query.category, 'Any category'),
      },
      pagination:
        pages > 1
          ? {
              ...(page > 1 ? { previous: { href: link(page - 1) } } : {}),
              ...(page < pages ? { next: { href: link(page + 1) } } : {}),
              items: Array.from({ length: Math.min(pages, 9) }, (_, at) => {
                const number = Math.min(Math.max(1, page - 4), Math.max(1, pages - 8)) + at;
                return { number, href: link(number), current: number === page };
              }),
            }
          : null,
    });
  }

  @Get('new')
  @Roles('investigator', 'appropriate_authority')
  intake(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    res.render('pages/case-new', {
      title: 'Record a case',
      active: 'cases',
      principal: req.principal,
      form: {},
      sources: sourceItems(),
    });
  }

  @Post('new')
  @Roles('investigator', 'appropriate_authority')
  async record(
    @Req() req: AuthenticatedRequest,
    @Body() body: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    const input = {
      source: body.source,
      receivedAt: body.receivedAt,
      summary: body.summary,
      ...(body.reporterName || body.reporterContact
        ? { reporter: { name: body.reporterName ?? '', contact: body.reporterContact ?? '' } }
        : {}),
      ...(body.source === 'proactive_monitoring'
        ? {
            authorisation: {
              authorisedBy: body.authorisedBy ?? '',
              authorisedAt: body.authorisedAt ?? '',
              justification: body.justification ?? '',
            },
          }
        : {}),
      restricted: body.restricted === 'yes',
    };
    const dto = plainToInstance(RecordCaseDto, input);
    const problems = flatten(await validate(dto, { whitelist: true }));
    const render = (errors: { text: string; href: string }[]) =>
      res.status(400).render('pages/case-new', {
        title: 'Record a case',
        active: 'cases',
        principal: req.principal,
        form: body,
        sources: sourceItems(body.source),
        errors,
      });
    if (problems.length > 0) return render(problems);
    try {
      const recorded = await this.cases.record(dto, principalOf(req), req.id);
      res.redirect(303, `/cases/${recorded.case.id}`);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid')
        return render([{ text: error.message, href: '#summary' }]);
      throw error;
    }
  }

  @Get(':id')
  async page(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Query('error') error: string | undefined,
    @Query('uploadError') uploadError: string | undefined,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    const view = await this.cases.open(id, principal, req.id);
    const kase = view.case;
    const [contents, timeline, evidence] = await Promise.all([
      this.contents.contents(id, principal, req.id),
      this.cases.timeline(id, principal, req.id),
      this.evidence.list(id, principal, req.id),
    ]);
    const next = this.cases.allowedNextFor(kase, principal);
    // The lexicon is read once for the page, not once per comment.
    const lexicon = await this.lexicon.list({ includeRetired: false });
    const conductItems = contents.conductItems.map((item) => ({
      ...item,
      highlighted: highlight(item.text, suggestTerms(item.text, lexicon).matches),
      categoriesText: item.categories.map(words).join(', '),
      targetsText: item.targets.map(words).join(', ') || 'none',
    }));
    const profile = caseProfile(contents);
    const comparables = profile ? await this.comparables.comparables({ profile, k: 5 }) : null;
    res.render('pages/case', {
      title: kase.reference,
      active: 'cases',
      error: error ? error.slice(0, 500) : null,
      uploadError: uploadError ? uploadError.slice(0, 500) : null,
      principal: req.principal,
      canUpload: principal.roles.some((role) => role === 'investigator' || role === 'appropriate_authority'),
      evidence: evidence.map((item) => ({
        id: item.id,
        name: item.originalName,
        type: item.mediaType,
        status: words(item.status),
        uploaded: item.uploadedAt.toISOString().replace('T', ' ').slice(0, 16),
        description: item.description ?? '',
        hasThumbnail: Boolean(item.thumbnailSha256?.trim()),
      })),
      kase: {
        ...kase,
        statusText: words(kase.status),
        statusClass: STATUS_COLOURS[kase.status] ?? '',
        sourceText: words(kase.source),
      },
      deadlines: view.deadlines.map((deadline) => ({ ...deadline, nameText: words(deadline.name) })),
      lpbReport: view.lpbReport,
      warnings: view.warnings ?? [],
      transitions: next.map((status) => ({ value: status, text: words(status) })),
      subjects: contents.subjects.map((subject) => ({
        ...subject,
        roleText: words(subject.role),
        allegations: contents.allegations
          .filter((allegation) => allegation.subjectId === subject.id)
          .map((allegation) => ({
            ...allegation,
            standardsText: allegation.standards.map(words).join(', '),
          })),
      })),
      conductItems,
      comparables: comparables && {
        ...comparables,
        items: comparables.items.map((item) => ({
          ...item,
          outcomeLabel: OUTCOME_LABELS[item.outcome],
          percent: Math.round(item.similarity * 100),
          why: whyComparable(item.parts, true),
        })),
      },
      timeline: timeline.map((event) => ({
        ...event,
        at: event.at.toISOString().replace('T', ' ').slice(0, 16),
        kindText: words(event.kind),
      })),
    });
  }

  @Post(':id/transitions')
  async transition(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    const to = body.to as CaseStatus;
    const reason = (body.reason ?? '').trim();
    if (!(CASE_STATUSES as readonly string[]).includes(to) || reason.length === 0) {
      res.redirect(
        303,
        `/cases/${id}?error=${encodeURIComponent('Choose the next status and give a reason')}#transition`,
      );
      return;
    }
    try {
      await this.cases.transition(
        id,
        { to, reason, ...(body.version ? { version: Number(body.version) } : {}) },
        principalOf(req),
        req.id,
      );
      res.redirect(303, `/cases/${id}#timeline`);
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'invalid')) {
        res.redirect(303, `/cases/${id}?error=${encodeURIComponent(error.message)}#transition`);
        return;
      }
      throw error;
    }
  }
}

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new Error('The case pages are for signed-in users only');
  return req.principal;
}

function pick(query: Record<string, string | undefined>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((key) => (query[key] ? [[key, query[key] as string]] : [])));
}

function selectItems(codes: readonly string[], chosen: string | undefined, none: string) {
  return [
    { value: '', text: none, selected: !chosen },
    ...codes.map((code) => ({ value: code, text: words(code), selected: code === chosen })),
  ];
}

function sourceItems(chosen?: string) {
  return INTAKE_SOURCES.filter((source) => source !== 'anonymous').map((source) => ({
    value: source,
    text: words(source),
    checked: source === chosen,
  }));
}

function flatten(errors: ValidationError[], parent = ''): { text: string; href: string }[] {
  const fieldIds: Record<string, string> = {
    source: 'source',
    receivedAt: 'receivedAt',
    summary: 'summary',
    'reporter.name': 'reporterName',
    'reporter.contact': 'reporterContact',
    'authorisation.authorisedBy': 'authorisedBy',
    'authorisation.authorisedAt': 'authorisedAt',
    'authorisation.justification': 'justification',
  };
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => ({
      text,
      href: `#${fieldIds[path] ?? 'summary'}`,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** The text as HTML with the lexicon's matches marked, everything else escaped. */
export function highlight(text: string, matches: readonly TermMatch[]): string {
  let html = '';
  let at = 0;
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    if (match.start < at) continue;
    html += escapeXml(text.slice(at, match.start));
    html += `<mark class="app-term" title="${escapeXml(`${words(match.category)}${match.target ? `, ${words(match.target)}` : ''}: ${match.note}`)}">${escapeXml(text.slice(match.start, match.end))}</mark>`;
    at = match.end;
  }
  return html + escapeXml(text.slice(at));
}
