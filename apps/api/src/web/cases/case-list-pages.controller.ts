import { BadRequestException, Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CASE_STATUSES,
  CasesService,
  CATEGORIES,
  INTAKE_SOURCES,
  PLATFORMS,
  STANDARDS,
  type CaseFilters,
} from '@precedent/cases';
import { ROLES } from '@precedent/identity';
import { DomainError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { words } from '../../common/code-words';
import { Roles } from '../../common/roles.decorator';
import type { FormProblem, Posted } from '../case-forms';
import { listCaption, whyMatched } from './case-list.presenter';
import { STATUS_COLOURS } from './case-status';
import { recordCaseErrors, recordCaseView } from './record-case.form';

const PAGE_SIZE = 25;
/** The query parameters the list reads; the pages keep them from one page of results to the next. */
const LIST_PARAMETERS = [
  'status',
  'source',
  'platform',
  'category',
  'standard',
  'from',
  'to',
  'q',
  'investigator',
  'state',
] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The case list (the API's filters and search; the reports link their figures to it with the same
 * filters, so a count leads to the cases behind it) and intake. Each list is the viewer's: only the
 * cases the access policy lets them open, read and audited through the cases service.
 */
@ApiExcludeController()
@Controller('cases')
@Roles(...ROLES)
export class CaseListPagesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  async list(
    @Req() req: AuthenticatedRequest,
    @Query() query: Record<string, string | undefined>,
    @Res() res: Response,
  ) {
    // `?q=a&q=b` arrives as a list: say what to do rather than fail on it
    if (Object.values(query).some((value) => Array.isArray(value)))
      throw new BadRequestException(
        'Each filter can be given once. Remove the repeated one from the address and search again.',
      );
    const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
    const oneOf = <T extends string>(codes: readonly T[], value: string | undefined) =>
      value && (codes as readonly string[]).includes(value) ? (value as T) : undefined;
    // an unknown code or a malformed day is ignored, as a filter that was not given
    const filters: CaseFilters = {
      status: oneOf(CASE_STATUSES, query.status),
      source: oneOf(INTAKE_SOURCES, query.source),
      platform: oneOf(PLATFORMS, query.platform),
      category: oneOf(CATEGORIES, query.category),
      standard: oneOf(STANDARDS, query.standard),
      receivedFrom: query.from && DAY.test(query.from) ? query.from : undefined,
      receivedTo: query.to && DAY.test(query.to) ? query.to : undefined,
      q: query.q?.trim() ? query.q.trim().slice(0, 200) : undefined,
      // "see all your cases" from My work
      investigator: query.investigator === 'me' ? principalOf(req).userId : undefined,
      open: query.state === 'open' ? true : undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    };
    for (const key of Object.keys(filters) as (keyof CaseFilters)[])
      if (filters[key] === undefined) delete filters[key];
    const { items, total } = await this.cases.list(filters, principalOf(req), req.id);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const kept = pick(query, LIST_PARAMETERS);
    const link = (to: number) => `/cases?${new URLSearchParams({ ...kept, page: String(to) })}`;
    res.render('pages/cases', {
      title: 'Cases',
      active: 'cases',
      principal: req.principal,
      query,
      total,
      caption: listCaption(total, {
        mine: query.investigator === 'me',
        open: query.state === 'open',
        q: filters.q ?? '',
      }),
      // what a report's link narrowed the list by, which the filter form does not show
      fromReport: reportFilters(filters),
      keep: Object.entries(kept)
        .filter(([key]) => ['standard', 'from', 'to'].includes(key))
        .map(([name, value]) => ({ name, value })),
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
        why: filters.q ? whyMatched(kase, filters.q) : null,
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
      ...recordCaseView({}, []),
    });
  }

  @Post('new')
  @Roles('investigator', 'appropriate_authority')
  async record(@Req() req: AuthenticatedRequest, @Body() body: Posted, @Res() res: Response) {
    const { input, errors } = await recordCaseErrors(body);
    const render = (problems: FormProblem[]) =>
      res.status(400).render('pages/case-new', {
        title: 'Error: Record a case',
        active: 'cases',
        principal: req.principal,
        ...recordCaseView(body, problems),
      });
    if (errors.length > 0) return render(errors);
    try {
      const recorded = await this.cases.record(input, principalOf(req), req.id);
      res.redirect(303, `/cases/${recorded.case.id}?saved=recorded`);
    } catch (error) {
      // the service's own refusal (proactive monitoring without its authorisation) in the form's words
      if (error instanceof DomainError && error.kind === 'invalid')
        return render([
          {
            text: 'Enter who authorised the monitoring, when, and why it is necessary',
            href: '#authorisedBy',
          },
        ]);
      throw error;
    }
  }
}

/** The filters a report's link adds, in words, or null when there are none. */
export function reportFilters(filters: CaseFilters): string | null {
  const { standard, receivedFrom: from, receivedTo: to } = filters;
  const received =
    from && to
      ? `received from ${from} to ${to}`
      : from
        ? `received on or after ${from}`
        : to
          ? `received on or before ${to}`
          : null;
  const parts = [standard ? `whose allegations name the Standard “${words(standard)}”` : null, received];
  const said = parts.filter(Boolean).join(' and ');
  return said ? `Only cases ${said}.` : null;
}

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new Error('The case pages are for signed-in users only');
  return req.principal;
}

function pick(query: Record<string, string | undefined>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((key) => (query[key] ? [[key, query[key] as string]] : [])));
}

function selectItems(codes: readonly string[], chosen: string | undefined, none: string) {
  return [
    { value: '', text: none, selected: !chosen },
    ...codes.map((code) => ({ value: code, text: words(code), selected: code === chosen })),
  ];
}
