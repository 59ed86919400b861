import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ComparablesService } from '@precedent/analytics';
import { CaseContentsService, caseProfile } from '@precedent/cases';
import { FINDINGS, type Finding } from '@precedent/exchange';
import {
  AGGRAVATING_FACTORS,
  CONDUCT_MITIGATING_FACTORS,
  DecisionIncompleteError,
  HearingsService,
  LEVELS,
  OUTCOME_LABELS,
  OUTCOMES,
  OutcomeNotAllowedError,
  OutcomesService,
  PERSONAL_MITIGATING_FACTORS,
  SANCTION_PURPOSES,
  type AggravatingFactor,
  type Level,
  type MitigatingFactor,
  type Outcome,
  type RecordOutcomeInput,
  type SanctionPurpose,
} from '@precedent/hearings';
import { hasRole, type Principal } from '@precedent/identity';
import { Clock, DomainError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { presentComparables } from './analytics-pages.controller';
import { words } from '../common/code-words';

const CASE_READERS = ['investigator', 'appropriate_authority', 'panel_member', 'senior_officer'] as const;
type Form = Record<string, string | string[] | undefined>;
type FieldError = { text: string; href: string };

const NOTICE_WORDS: Record<string, string> = {
  officer_notice: 'Notice of referral to the officer',
  officer_response_due: "The officer's response is due (reg 31)",
  hearing_date_to_officer: 'Notice of the date to the officer',
  public_notice: 'Public notice of the hearing',
  public_notice_removal: 'Public notice taken down',
  panel_reminder: 'Reminder to the panel',
  pre_hearing: 'Notice of the pre-hearing (reg 33)',
  chair_report_due: "The chair's report is due (reg 43)",
  outcome_publication: 'Outcome report published (reg 43)',
  outcome_publication_removal: 'Outcome report taken down',
};
const PURPOSE_WORDS: Record<SanctionPurpose, string> = {
  public_confidence: 'Maintain public confidence in the police',
  high_standards: 'Uphold high standards in policing',
  protect_public: 'Protect the public',
};
/** The form field each service problem belongs to, for the error summary's links. */
const FIELD_IDS: Record<string, string> = {
  culpability: 'culpability',
  harm: 'harm',
  purposes: 'purposes',
  outcomeRationale: 'outcomeRationale',
  personalMitigationWeight: 'personalMitigationWeight',
  reasons: 'reasons',
  article10: 'article10',
  'article10.prescribedByLaw': 'prescribedByLaw',
  'article10.legitimateAim': 'legitimateAim',
  'article10.necessityAndProportionality': 'necessityAndProportionality',
  departureFactors: 'departureFactors',
  departureExplanation: 'departureExplanation',
  decidedOn: 'decidedOn',
  notifiedOn: 'notifiedOn',
};

/**
 * Hearings in the staff web UI: those coming up, a hearing's panel, dates and notices (each on its
 * working day), its calendar file, and the panel's outcome form with the seriousness assessment and
 * the comparable precedents beside it. Reads and the outcome go through the same services as the API.
 */
@ApiExcludeController()
@Controller('hearings')
@Roles(...CASE_READERS)
export class HearingPagesController {
  constructor(
    private readonly hearings: HearingsService,
    private readonly outcomes: OutcomesService,
    private readonly contents: CaseContentsService,
    private readonly comparables: ComparablesService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    const today = this.clock.today();
    const upcoming = await this.hearings.upcoming({ from: today, limit: 200 }, principalOf(req), req.id);
    res.render('pages/hearings', {
      title: 'Hearings',
      active: 'hearings',
      principal: req.principal,
      today,
      rows: upcoming.map(({ hearing, caseReference }) => ({
        id: hearing.id,
        caseReference,
        forum: words(hearing.forum),
        status: words(hearing.status),
        date: hearing.scheduledOn ?? 'No date yet',
        startsAt: hearing.startsAt ?? '',
        place: hearing.venue ?? (hearing.remoteLink ? 'Remote' : ''),
      })),
    });
  }

  @Get(':id/calendar.ics')
  async calendar(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ) {
    const file = await this.hearings.calendarFile(id, principalOf(req), req.id);
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  }

  @Get(':id')
  async page(@Req() req: AuthenticatedRequest, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    await this.render(req, res, id, 200, {}, []);
  }

  @Post(':id/outcome')
  @Roles('panel_member', 'appropriate_authority')
  async recordOutcome(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    const view = await this.hearings.view(id, principal, req.id);
    const caseId = view.hearing.caseId;
    const contents = await this.contents.contents(caseId, principal, req.id);
    const subjectId = one(body.subjectId);
    const allegations = contents.allegations.filter((a) => a.subjectId === subjectId);
    const errors: FieldError[] = [];
    const findings = allegations.map((allegation) => {
      const finding = one(body[`finding-${allegation.id}`]);
      if (!(FINDINGS as readonly string[]).includes(finding))
        errors.push({
          text: `Give a finding on: ${allegation.description}`,
          href: `#finding-${allegation.id}`,
        });
      return { allegationId: allegation.id, finding: finding as Finding };
    });
    const outcome = one(body.outcome);
    if (!(OUTCOMES as readonly string[]).includes(outcome))
      errors.push({ text: 'Choose the outcome', href: '#outcome' });
    const notifiedOn = one(body.notifiedOn);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(notifiedOn))
      errors.push({ text: 'Enter the day the officer was notified, as YYYY-MM-DD', href: '#notifiedOn' });
    const decidedOn = one(body.decidedOn);
    if (decidedOn && !/^\d{4}-\d{2}-\d{2}$/.test(decidedOn))
      errors.push({ text: 'Enter the day of the decision as YYYY-MM-DD', href: '#decidedOn' });
    if (errors.length) return this.render(req, res, id, 400, body, errors);

    const level = (value: string) =>
      (LEVELS as readonly string[]).includes(value) ? (value as Level) : undefined;
    const text = (name: string) => one(body[name]).trim() || undefined;
    const engaged = one(body.article10Engaged);
    const departureExplanation = text('departureExplanation');
    const departureFactors = many(body.departureFactors);
    const input: RecordOutcomeInput = {
      subjectId,
      findings,
      outcome: outcome as Outcome,
      notifiedOn,
      ...(decidedOn ? { decidedOn } : {}),
      extendedFinalWarning: one(body.extendedFinalWarning) === 'yes',
      finalWrittenWarningLive: one(body.finalWrittenWarningLive) === 'yes',
      decision: {
        culpability: level(one(body.culpability)),
        harm: level(one(body.harm)),
        aggravating: many(body.aggravating).filter((f): f is AggravatingFactor =>
          (AGGRAVATING_FACTORS as readonly string[]).includes(f),
        ),
        mitigating: many(body.mitigating).filter((f): f is MitigatingFactor =>
          [...CONDUCT_MITIGATING_FACTORS, ...PERSONAL_MITIGATING_FACTORS].includes(f as never),
        ),
        purposes: many(body.purposes).filter((p): p is SanctionPurpose =>
          (SANCTION_PURPOSES as readonly string[]).includes(p),
        ),
        outcomeRationale: text('outcomeRationale'),
        personalMitigationWeight: text('personalMitigationWeight'),
        reasons: text('reasons'),
        ...(engaged
          ? {
              article10: {
                engaged: engaged === 'yes',
                prescribedByLaw: text('prescribedByLaw'),
                legitimateAim: text('legitimateAim'),
                necessityAndProportionality: text('necessityAndProportionality'),
              },
            }
          : {}),
      },
      ...(departureFactors.length || departureExplanation
        ? { departure: { factors: departureFactors, explanation: departureExplanation ?? '' } }
        : {}),
    };
    try {
      await this.outcomes.record(caseId, input, principal, req.id);
      res.redirect(303, `/cases/${caseId}#timeline`);
    } catch (error) {
      if (error instanceof OutcomeNotAllowedError) {
        const rule = (error.details?.rule as string | undefined) ?? '';
        return this.render(req, res, id, 422, body, [
          { text: `${error.message} (rule: ${words(rule)})`, href: '#outcome' },
        ]);
      }
      if (error instanceof DecisionIncompleteError) {
        const problems = (error.details?.fields ?? []) as { field: string; message: string }[];
        return this.render(
          req,
          res,
          id,
          422,
          body,
          problems.map((p) => ({ text: p.message, href: `#${FIELD_IDS[p.field] ?? 'outcome'}` })),
        );
      }
      if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict')) {
        const fields = (error.details?.fields ?? []) as { field: string; message: string }[];
        return this.render(
          req,
          res,
          id,
          422,
          body,
          fields.length
            ? fields.map((f) => ({
                text: `${words(f.field)} ${f.message}`,
                href: `#${FIELD_IDS[f.field] ?? 'outcome'}`,
              }))
            : [{ text: error.message, href: '#outcome' }],
        );
      }
      throw error;
    }
  }

  private async render(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    status: number,
    form: Form,
    errors: FieldError[],
  ) {
    const principal = principalOf(req);
    const view = await this.hearings.view(id, principal, req.id);
    const { hearing } = view;
    const mayDecide =
      hearing.status === 'fixed' &&
      (hasRole(principal, 'appropriate_authority') ||
        view.seats.some((seat) => seat.panelMember.userId === principal.userId));
    const decision = mayDecide ? await this.decisionForm(hearing.caseId, principal, req.id, form) : null;
    res.status(status).render('pages/hearing', {
      title: `${words(hearing.forum)} ${hearing.scheduledOn ?? ''}`.trim(),
      active: 'hearings',
      principal: req.principal,
      errors: errors.length ? errors : null,
      errorFor: Object.fromEntries(errors.map((e) => [e.href.slice(1), { text: e.text }])),
      hearing: {
        ...hearing,
        forumText: words(hearing.forum),
        statusText: words(hearing.status),
        calendar: hearing.scheduledOn && (hearing.status === 'fixed' || hearing.status === 'date_proposed'),
      },
      panel: view.seats.map((seat) => ({ name: seat.panelMember.name, role: words(seat.role) })),
      history: view.history.map((change) => ({
        ...change,
        kindText: words(change.kind),
        at: change.at.toISOString().replace('T', ' ').slice(0, 16),
      })),
      notices: view.notices.map((notice) => ({
        kindText: NOTICE_WORDS[notice.kind] ?? words(notice.kind),
        dueOn: notice.dueOn,
        status: notice.status,
        text: notice.text,
      })),
      decision,
      form,
    });
  }

  /** What the outcome form needs: the undecided subjects, their allegations, the choices, the comparables. */
  private async decisionForm(caseId: string, principal: Principal, requestId: string, form: Form) {
    const [contents, decided] = await Promise.all([
      this.contents.contents(caseId, principal, requestId),
      this.outcomes.forCase(caseId, principal, requestId),
    ]);
    const done = new Set(decided.map((d) => d.outcome.subjectId));
    const open = contents.subjects.filter(
      (s) => !done.has(s.id) && contents.allegations.some((a) => a.subjectId === s.id),
    );
    const subject = open.find((s) => s.id === one(form.subjectId)) ?? open[0];
    if (!subject) return { subject: null };
    const profile = caseProfile(contents);
    const proposed = one(form.outcome);
    const answer = profile
      ? await this.comparables.comparables({
          profile,
          k: 10,
          ...((OUTCOMES as readonly string[]).includes(proposed)
            ? { proposedOutcome: proposed as Outcome }
            : {}),
        })
      : null;
    const checked = (name: string) => many(form[name]);
    const boxes = (codes: readonly string[], name: string, label = words) =>
      codes.map((code) => ({ value: code, text: label(code), checked: checked(name).includes(code) }));
    const radios = (codes: readonly string[], name: string) =>
      codes.map((code) => ({ value: code, text: words(code), checked: one(form[name]) === code }));
    return {
      subject: { id: subject.id, name: subject.name, role: words(subject.role) },
      others: open.filter((s) => s.id !== subject.id).map((s) => ({ id: s.id, name: s.name })),
      allegations: contents.allegations
        .filter((a) => a.subjectId === subject.id)
        .map((a) => ({
          id: a.id,
          description: a.description,
          standards: a.standards.map(words).join(', '),
          findings: radios(FINDINGS, `finding-${a.id}`),
        })),
      offDuty: contents.conductItems.some((item) => item.offDuty === true),
      outcomes: [
        { value: '', text: 'Choose an outcome', selected: !proposed },
        ...OUTCOMES.map((code) => ({ value: code, text: OUTCOME_LABELS[code], selected: code === proposed })),
      ],
      culpability: radios(LEVELS, 'culpability'),
      harm: radios(LEVELS, 'harm'),
      aggravating: boxes(AGGRAVATING_FACTORS, 'aggravating'),
      conductMitigating: boxes(CONDUCT_MITIGATING_FACTORS, 'mitigating'),
      personalMitigating: boxes(PERSONAL_MITIGATING_FACTORS, 'mitigating'),
      purposes: boxes(SANCTION_PURPOSES, 'purposes', (code) => PURPOSE_WORDS[code as SanctionPurpose]),
      departureFactors: boxes(
        [...AGGRAVATING_FACTORS, ...CONDUCT_MITIGATING_FACTORS, ...PERSONAL_MITIGATING_FACTORS],
        'departureFactors',
      ),
      article10: radios(['yes', 'no'], 'article10Engaged').map((item) => ({
        ...item,
        text: item.value === 'yes' ? 'Yes, Article 10 is engaged' : 'No',
      })),
      comparables: answer ? presentComparables(answer, true) : null,
    };
  }
}

function principalOf(req: AuthenticatedRequest): Principal {
  if (!req.principal) throw new Error('The hearing pages are for signed-in users only');
  return req.principal;
}

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function many(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
