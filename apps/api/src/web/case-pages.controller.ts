import { BadRequestException, Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ComparablesService,
  excerptWindow,
  findPassages,
  LexiconService,
  suggestTerms,
} from '@precedent/analytics';
import { AuditService } from '@precedent/audit';
import {
  CASE_STATUSES,
  CaseContentsService,
  caseProfile,
  CasesService,
  CATEGORIES,
  FORCES,
  forumForReferral,
  INTAKE_SOURCES,
  needsArticle10Balancing,
  PLATFORMS,
  type CaseStatus,
} from '@precedent/cases';
import { EvidenceService } from '@precedent/evidence';
import { HearingsService, OUTCOME_LABELS, OutcomesService } from '@precedent/hearings';
import { auditContextOf, ROLES } from '@precedent/identity';
import { DomainError } from '@precedent/platform';
import { InboxService } from '@precedent/reporting';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { AssessmentDto } from '../cases/case-commands.dto';
import { AddAllegationDto, AddConductItemDto, AddSubjectDto } from '../cases/case-contents.dto';
import {
  ALLEGATION_FIELDS,
  allegationInput,
  ASSESSMENT_FIELDS,
  assessmentInput,
  byField,
  CONDUCT_FIELDS,
  conductInput,
  type FieldSpec,
  type FormProblem,
  type Posted,
  SUBJECT_FIELDS,
  subjectInput,
  validateForm,
} from './case-forms';
import { whyComparable } from './analytics-pages.controller';
import { presentOtherWay } from './analytics/other-way.presenter';
import { words } from '../common/code-words';
import { markedHtml, searchedMarks, termMarks } from './marked-text';
import { CASE_PAGE_NOTICES, casePageNotice } from './page-notices';
import { DEADLINE_LABELS } from './my-work.controller';
import { recordCaseErrors, recordCaseView } from './cases/record-case.form';
import { caseFormOptions } from './cases/case-form-options';
import { problemMessage, savedMessage } from './cases/case-messages';
import { listCaption, whyMatched } from './cases/case-list.presenter';

const PAGE_SIZE = 25;
const AUDIT_ROWS = 200;

type FormName = 'subject' | 'allegation' | 'conduct' | 'assessment';
const FORM_FIELDS: Record<FormName, Record<string, FieldSpec>> = {
  subject: SUBJECT_FIELDS,
  allegation: ALLEGATION_FIELDS,
  conduct: CONDUCT_FIELDS,
  assessment: ASSESSMENT_FIELDS,
};
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
 * case page, the investigator's workspace in tabs: summary and status (allowed transitions as
 * buttons), subjects and allegations, conduct items with term-assistance highlights, evidence,
 * assessment with comparables, hearing, outcome, timeline and (for those allowed) audit. Its forms
 * validate with the JSON API's DTOs and write through the same services, so every read and change
 * is access-checked and audited exactly as the API's.
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
    private readonly hearings: HearingsService,
    private readonly outcomes: OutcomesService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

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
      ...(query.state === 'open' ? { open: true } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    };
    const { items, total } = await this.cases.list(
      filters as Parameters<CasesService['list']>[0],
      principalOf(req),
      req.id,
    );
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (to: number) =>
      `/cases?${new URLSearchParams({ ...pick(query, ['status', 'source', 'platform', 'category', 'q', 'investigator', 'state']), page: String(to) })}`;
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

  @Get(':id')
  async page(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Query('notice') code: unknown,
    @Res() res: Response,
  ) {
    // only sentences the server holds, chosen by a code: the address never carries text to show
    const notice = casePageNotice(code);
    const upload = notice?.title === CASE_PAGE_NOTICES['upload-refused'].title;
    await this.show(req, res, id, {
      uploadError: notice && upload ? notice.text : null,
    });
  }

  @Post(':id/subjects')
  @Roles('investigator', 'appropriate_authority')
  async addSubject(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    const input = subjectInput(body);
    await this.submit(req, res, id, { name: 'subject', tab: 'subjects', body }, async () => {
      const { value, problems } = await validateForm(AddSubjectDto, input, SUBJECT_FIELDS, 'subject-name');
      if (problems.length) return problems;
      await this.contents.addSubject(id, value, principalOf(req), req.id);
      return [];
    });
  }

  @Post(':id/allegations')
  @Roles('investigator', 'appropriate_authority')
  async addAllegation(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    const input = allegationInput(body);
    await this.submit(req, res, id, { name: 'allegation', tab: 'subjects', body }, async () => {
      const { value, problems } = await validateForm(
        AddAllegationDto,
        input,
        ALLEGATION_FIELDS,
        'allegation-subjectId',
      );
      if (problems.length) return problems;
      await this.contents.addAllegation(id, value, principalOf(req), req.id);
      return [];
    });
  }

  @Post(':id/conduct-items')
  @Roles('investigator', 'appropriate_authority')
  async addConductItem(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    const input = conductInput(body);
    await this.submit(req, res, id, { name: 'conduct', tab: 'conduct', body }, async () => {
      const { value, problems } = await validateForm(
        AddConductItemDto,
        input,
        CONDUCT_FIELDS,
        'conduct-platform',
      );
      if (problems.length) return problems;
      // typed in, with no evidence source: the DTO has then required the platform and the text
      const { source: _none, text, platform, ...rest } = value;
      await this.contents.addConductItem(
        id,
        { ...rest, text: text!, platform: platform! },
        principalOf(req),
        req.id,
      );
      return [];
    });
  }

  @Post(':id/assessment')
  @Roles('appropriate_authority')
  async assess(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    const input = assessmentInput(body);
    await this.submit(req, res, id, { name: 'assessment', tab: 'assessment', body }, async () => {
      const { value, problems } = await validateForm(
        AssessmentDto,
        input,
        ASSESSMENT_FIELDS,
        'assessment-severity',
      );
      if (problems.length) return problems;
      await this.cases.assess(id, value, principalOf(req), req.id);
      return [];
    });
  }

  /**
   * One form of the case page: done, it goes back to the form's tab (post, redirect, get); refused,
   * the page comes back with the error summary, the field errors and what was typed, saving nothing.
   */
  private async submit(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    form: { name: FormName; tab: string; body: Posted },
    save: () => Promise<FormProblem[]>,
  ): Promise<void> {
    let problems: FormProblem[];
    let status = 400;
    try {
      problems = await save();
    } catch (error) {
      if (!(error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict')))
        throw error;
      // the service names the field at fault when it can (an unknown subject, a stale version);
      // the form says it in its own words where it has them
      const fields = FORM_FIELDS[form.name];
      const named = (error.details?.fields as { field?: string }[] | undefined)?.[0]?.field ?? '';
      const at = fields[named]?.id ?? Object.values(fields)[0].id;
      problems = [{ text: fields[named]?.invalid ?? error.message, href: `#${at}` }];
      if (error.kind === 'conflict') status = 409;
    }
    if (problems.length === 0) return res.redirect(303, `/cases/${id}?saved=${form.name}#${form.tab}`);
    await this.show(req, res, id, {
      status,
      form: { name: form.name, values: form.body, errors: problems, fieldErrors: byField(problems) },
    });
  }

  /** The case page: every tab's content, read through the services (each read access-checked and audited). */
  private async show(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    extra: {
      status?: number;
      uploadError?: string | null;
      form?: { name: FormName; values: Posted; errors: FormProblem[]; fieldErrors: Record<string, string> };
    },
  ): Promise<void> {
    const principal = principalOf(req);
    const view = await this.cases.open(id, principal, req.id);
    const kase = view.case;
    const mayAudit = principal.roles.includes('admin');
    const [contents, timeline, evidence, audit] = await Promise.all([
      this.contents.contents(id, principal, req.id),
      this.cases.timeline(id, principal, req.id),
      this.evidence.listWithText(id, principal, req.id),
      mayAudit ? this.caseAudit(id, req) : Promise.resolve(null),
    ]);
    // Arranging a hearing and recording an outcome are on the timeline: only then are they read
    // (each read opens the case again, audited), so an early case's page costs no extra reads.
    const happened = new Set(timeline.map((event) => event.kind));
    const [hearings, outcomes, anonymousReportId] = await Promise.all([
      happened.has('hearing_created') ? this.hearings.forCase(id, principal, req.id) : [],
      happened.has('outcome_recorded') ? this.outcomes.forCase(id, principal, req.id) : [],
      happened.has('anonymous_report_linked') ? this.inbox.reportOfCase(id, principal) : null,
    ]);
    const may = this.cases.permissionsFor(kase, principal);
    const next = may.transitions;
    const refused = typeof req.query.refused === 'string' ? req.query.refused : '';
    const transitionProblem = (CASE_STATUSES as readonly string[]).includes(refused)
      ? {
          text:
            this.cases.whyNot(kase, refused as CaseStatus, principal) ??
            'The case has moved on since: check its status.',
          href: '#to',
        }
      : problemMessage(req.query.problem);
    // The lexicon is read once for the page, not once per comment.
    const lexicon = await this.lexicon.list({ includeRetired: false });
    // Reached from the case list's search: its words are marked too, and carried to the evidence.
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 200) : '';
    const conductItems = contents.conductItems.map((item) => ({
      ...item,
      highlighted: markedHtml(item.text, [
        ...searchedMarks(item.text, q),
        ...termMarks(suggestTerms(item.text, lexicon).matches),
      ]),
      categoriesText: item.categories.map(words).join(', '),
      platformText: words(item.platform),
      audienceText: words(item.audience),
      participationText: words(item.participation),
      targetsText: item.targets.map(words).join(', ') || 'none',
      postedText: item.postedAt ? item.postedAt.toISOString().replace('T', ' ').slice(0, 16) : null,
      fromEvidence: Boolean(item.sourceEvidenceId),
    }));
    const profile = caseProfile(contents);
    const comparables = profile ? await this.comparables.comparables({ profile, k: 5 }) : null;
    const otherWay = profile ? presentOtherWay(await this.comparables.otherWay(profile)) : null;
    const mayChange = may.editContents;
    const offDuty = needsArticle10Balancing(contents.conductItems);
    const subjectNames = new Map(contents.subjects.map((subject) => [subject.id, subject.name]));
    const form = extra.form;
    const values = (name: FormName): Posted => (form?.name === name ? form.values : {});
    res.status(extra.status ?? 200).render('pages/case', {
      title: `${form ? 'Error: ' : ''}${kase.reference}`,
      active: 'cases',
      error: transitionProblem,
      saved: form ? null : savedMessage(req.query.saved),
      may,
      offDuty,
      article10: kase.article10Balancing,
      uploadError: extra.uploadError ?? null,
      anonymousReportId,
      formErrors: form?.errors ?? null,
      fieldErrors: form?.fieldErrors ?? {},
      principal: req.principal,
      q,
      canUpload: mayChange,
      canEdit: mayChange,
      canAssess: may.assess,
      referralForum: forumForReferral(kase.status) ? words(forumForReferral(kase.status)!) : null,
      canArrange:
        mayChange &&
        forumForReferral(kase.status) !== null &&
        !hearings.some((h) => h.hearing.status !== 'concluded'),
      forms: {
        subject: values('subject'),
        allegation: values('allegation'),
        conduct: values('conduct'),
        assessment: values('assessment'),
      },
      options: caseFormOptions(values, contents.subjects),
      evidence: evidence.map(({ item, ocrText }) => ({
        id: item.id,
        excerpt: ocrText ? passageExcerpt(item.id, ocrText, conductItems) : null,
        name: item.originalName,
        type: item.mediaType,
        status: words(item.status),
        uploaded: item.uploadedAt.toISOString().replace('T', ' ').slice(0, 16),
        description: item.description ?? '',
        hasThumbnail: Boolean(item.thumbnailSha256?.trim()),
        postsText: item.archiveSummary
          ? `${item.archiveSummary.posts} posts read from the ${item.archiveSummary.format} export: open it to search them`
          : null,
      })),
      kase: {
        ...kase,
        statusText: words(kase.status),
        statusClass: STATUS_COLOURS[kase.status] ?? '',
        sourceText: words(kase.source),
        severityText: kase.severity ? words(kase.severity) : null,
        sentForAssessmentOn: kase.sentForAssessmentAt
          ? kase.sentForAssessmentAt.toISOString().slice(0, 10)
          : null,
      },
      deadlines: view.deadlines.map((deadline) => ({
        ...deadline,
        nameText: DEADLINE_LABELS[deadline.name],
      })),
      lpbReport: view.lpbReport,
      warnings: view.warnings ?? [],
      transitions: next.map((status) => ({ value: status, text: words(status) })),
      subjects: contents.subjects.map((subject) => ({
        ...subject,
        roleText: words(subject.role),
        forceText: FORCES.find((force) => force.code === subject.force)?.name ?? subject.force,
        allegations: contents.allegations
          .filter((allegation) => allegation.subjectId === subject.id)
          .map((allegation) => ({
            ...allegation,
            standardsText: allegation.standards.map(words).join(', '),
          })),
      })),
      conductItems,
      hearings: hearings.map(({ hearing, seats }) => ({
        id: hearing.id,
        forumText: words(hearing.forum),
        statusText: words(hearing.status),
        date: hearing.scheduledOn
          ? `${hearing.scheduledOn}${hearing.startsAt ? ` ${hearing.startsAt}` : ''}`
          : 'Not fixed yet',
        venue: hearing.venue ?? (hearing.remoteLink ? 'Remote' : 'Not set'),
        panel: seats.length,
      })),
      outcomes: outcomes.map(({ outcome, appeals }) => ({
        subject: subjectNames.get(outcome.subjectId) ?? 'A subject no longer on the case',
        forumText: words(outcome.forum),
        findingText: words(outcome.finding),
        outcomeLabel: OUTCOME_LABELS[outcome.outcome],
        currentLabel: OUTCOME_LABELS[outcome.currentOutcome],
        decidedOn: outcome.decidedOn,
        warningExpiresOn: outcome.warningExpiresOn,
        appeals: appeals.length,
        precedentRef: outcome.precedentRef,
      })),
      audit,
      otherWay,
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

  /** The case's audit trail, newest first, for those the audit API lets read it; the read is itself audited. */
  private async caseAudit(id: string, req: AuthenticatedRequest) {
    const events = await this.audit.forEntity('case', id, { limit: AUDIT_ROWS });
    await this.audit.recordNow(auditContextOf(principalOf(req), req.id), {
      action: 'audit.read',
      entityType: 'case',
      entityId: id,
    });
    return events.map((event) => ({
      at: event.occurredAt.toISOString().replace('T', ' ').slice(0, 19),
      who: event.actorName ?? 'system',
      action: event.action,
      result: event.result,
    }));
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

/**
 * A few lines of a screenshot's text around the first passage that matches one of the case's
 * conduct items (numbered as on the case page), marked and labelled; null when none matches.
 */
function passageExcerpt(
  evidenceId: string,
  text: string,
  conductItems: readonly { text: string }[],
): string | null {
  const [passage] = findPassages(
    text,
    conductItems.map((item) => item.text),
  );
  if (!passage) return null;
  // A long passage is shown by its opening words: the evidence page has all of it.
  const cut = excerptWindow(text, passage.start, passage.start, 200).end;
  const end = passage.end - passage.start > 240 && cut > passage.start ? cut : passage.end;
  const window = excerptWindow(text, passage.start, end);
  const html = markedHtml(
    text.slice(window.start, window.end),
    [],
    [
      {
        start: passage.start - window.start,
        end: end - window.start,
        id: `excerpt-${evidenceId}`,
        label: `Matches conduct item ${passage.quote + 1}`,
      },
    ],
  );
  return `${window.start > 0 ? '… ' : ''}${html}${window.end < text.length || end < passage.end ? ' …' : ''}`;
}
