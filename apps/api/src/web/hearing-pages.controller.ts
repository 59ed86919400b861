import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ComparablesService } from '@precedent/analytics';
import { CaseContentsService, caseProfile } from '@precedent/cases';
import { FINDINGS, type Finding } from '@precedent/exchange';
import {
  AGGRAVATING_FACTORS,
  APPEAL_GROUNDS,
  APPEAL_RESULTS,
  CONDUCT_MITIGATING_FACTORS,
  DecisionIncompleteError,
  AppealsService,
  HearingDatesService,
  HearingListingsService,
  HearingPanelService,
  HearingsService,
  LEVELS,
  OUTCOME_LABELS,
  OUTCOME_STEPS,
  OUTCOMES,
  OutcomeNotAllowedError,
  OutcomesService,
  PanelPoolService,
  panelModel,
  recordingOpen,
  PERSONAL_MITIGATING_FACTORS,
  REQUIRED_SEATS,
  SANCTION_PURPOSES,
  type AggravatingFactor,
  type Level,
  type MitigatingFactor,
  type Outcome,
  type HearingView,
  type PanelRole,
  type RecordOutcomeInput,
  type SanctionPurpose,
  type UpcomingHearing,
} from '@precedent/hearings';
import { hasRole, type Principal } from '@precedent/identity';
import { Clock, DomainError, WorkingDayCalendar } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { presentComparables } from './analytics-pages.controller';
import { presentOtherWay } from './analytics/other-way.presenter';
import { words } from '../common/code-words';
import { AdjournDto, FixDateDto, HearingDateDto, PANEL_ROLES, SeatDto } from '../hearings/hearing.dto';
import { DecideAppealDto, LodgeAppealDto } from '../hearings/outcome.dto';
import {
  checkAgainst,
  errorsByField,
  filled,
  many,
  one,
  refusalErrors,
  type FieldError,
  type Form,
} from './hearing-forms';
import { calendarMonth, monthOf } from './month-calendar';

const CASE_READERS = ['investigator', 'appropriate_authority', 'panel_member', 'senior_officer'] as const;
const CASEWORK = ['investigator', 'appropriate_authority'] as const;
const DATE_FIELDS = ['date', 'startsAt', 'venue', 'remoteLink'] as const;
const DATE_MESSAGES: Record<string, string> = {
  date: 'Enter the date as YYYY-MM-DD, for example 2027-01-06',
  startsAt: 'Enter the start time as HH:MM on the 24-hour clock, for example 10:00',
  venue: 'Enter the venue in 2 to 300 characters',
  remoteLink: 'Enter the remote link as an https:// address',
};

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
  exceptionalCircumstances: 'exceptionalCircumstances',
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
    private readonly listings: HearingListingsService,
    private readonly dates: HearingDatesService,
    private readonly panel: HearingPanelService,
    private readonly appeals: AppealsService,
    private readonly outcomes: OutcomesService,
    private readonly contents: CaseContentsService,
    private readonly comparables: ComparablesService,
    private readonly clock: Clock,
    private readonly pool: PanelPoolService,
    private readonly workingDays: WorkingDayCalendar,
  ) {}

  /**
   * The hearings calendar: a month as a table of weeks, bank holidays and weekends marked, each
   * hearing with its forum, case and time; then those coming up, including those still without a date.
   */
  @Get()
  async list(
    @Req() req: AuthenticatedRequest,
    @Query('month') asked: string | undefined,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    const today = this.clock.today();
    const month = calendarMonth(monthOf(asked, today), (date) => this.workingDays.isBankHoliday(date));
    const [inMonth, upcoming] = await Promise.all([
      this.listings.between({ from: month.first, to: month.last }, principal, req.id),
      this.listings.upcoming({ from: today, limit: 200 }, principal, req.id),
    ]);
    const entry = ({ hearing, caseReference }: UpcomingHearing) => ({
      id: hearing.id,
      caseReference,
      forum: words(hearing.forum),
      status: words(hearing.status),
      fixed: hearing.status === 'fixed',
      date: hearing.scheduledOn ?? 'No date yet',
      startsAt: hearing.startsAt ?? '',
      place: hearing.venue ?? (hearing.remoteLink ? 'Remote' : ''),
    });
    res.render('pages/hearings', {
      title: `Hearings: ${month.label}`,
      active: 'hearings',
      principal: req.principal,
      today,
      canArrange: CASEWORK.some((role) => hasRole(principal, role)),
      month: {
        ...month,
        weeks: month.weeks.map((week) =>
          week.map(
            (day) =>
              day && {
                ...day,
                today: day.date === today,
                hearings: inMonth.filter((h) => h.hearing.scheduledOn === day.date).map(entry),
              },
          ),
        ),
      },
      rows: upcoming.map(entry),
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
        exceptionalCircumstances: text('exceptionalCircumstances'),
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
        return this.render(req, res, id, 422, body, [{ text: error.message, href: '#outcome' }]);
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
                // the outcome's own rules speak in sentences; older ones give a phrase after the field
                text: /^[A-Z]/.test(f.message) ? f.message : `${words(f.field)} ${f.message}`,
                href: `#${FIELD_IDS[f.field] ?? 'outcome'}`,
              }))
            : [{ text: error.message, href: '#outcome' }],
        );
      }
      throw error;
    }
  }

  /** An appeal against an outcome of this hearing, through the same service (and time limit) as the API. */
  @Post(':id/appeals')
  @Roles(...CASEWORK)
  async lodgeAppeal(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    const { hearing } = await this.hearings.view(id, principal, req.id);
    const input = filled(body, ['subjectId', 'lodgedOn', 'details']);
    const { value, errors } = await checkAgainst(
      LodgeAppealDto,
      { ...input, grounds: many(body.grounds) },
      {
        subjectId: 'Choose the outcome that is appealed',
        lodgedOn: 'Enter the day the appeal was lodged as YYYY-MM-DD, or leave it empty for today',
        grounds: 'Choose at least one ground of appeal',
        details: 'Describe the appeal in at least 10 characters',
      },
      {
        lodgedOn: 'appealLodgedOn',
        grounds: 'appealGrounds',
        details: 'appealDetails',
        subjectId: 'appeals',
      },
    );
    await this.act(
      req,
      res,
      id,
      body,
      errors,
      'The appeal was not recorded',
      '#appealLodgedOn',
      '#appeals',
      () => this.appeals.lodgeAppeal(hearing.caseId, value, principal, req.id),
    );
  }

  /** The appeal's result: a varied or allowed appeal rewrites the precedent (the service does it). */
  @Post(':id/appeals/:appealId/decision')
  @Roles(...CASEWORK)
  async decideAppeal(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('appealId', ParseUUIDPipe) appealId: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    const { hearing } = await this.hearings.view(id, principal, req.id);
    const { value, errors } = await checkAgainst(
      DecideAppealDto,
      filled(body, ['result', 'variedOutcome', 'reasons', 'decidedOn']),
      {
        result: 'Choose the result of the appeal',
        variedOutcome: 'Choose the outcome it was varied to',
        reasons: 'Give the reasons in at least 10 characters',
        decidedOn: 'Enter the day of the appeal decision as YYYY-MM-DD, or leave it empty for today',
      },
      {
        result: 'appealResult',
        variedOutcome: 'variedOutcome',
        reasons: 'appealReasons',
        decidedOn: 'appealDecidedOn',
      },
    );
    await this.act(
      req,
      res,
      id,
      body,
      errors,
      'The appeal result was not recorded',
      '#appealResult',
      '#appeals',
      () => this.appeals.decideAppeal(hearing.caseId, appealId, value, principal, req.id),
    );
  }

  @Post(':id/proposed-date')
  @Roles(...CASEWORK)
  async propose(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const { value, errors } = await checkAgainst(HearingDateDto, filled(body, DATE_FIELDS), DATE_MESSAGES);
    await this.act(req, res, id, body, errors, 'The date was not proposed', '#date', '#dates', () =>
      this.dates.proposeDate(id, value, principalOf(req), req.id),
    );
  }

  @Post(':id/fixed-date')
  @Roles(...CASEWORK)
  async fix(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const { value, errors } = await checkAgainst(FixDateDto, filled(body, DATE_FIELDS), DATE_MESSAGES);
    await this.act(req, res, id, body, errors, 'The date was not fixed', '#date', '#dates', () =>
      this.dates.fixDate(id, value, principalOf(req), req.id),
    );
  }

  @Post(':id/adjournments')
  @Roles(...CASEWORK)
  async adjourn(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const { value, errors } = await checkAgainst(
      AdjournDto,
      filled(body, ['reason']),
      { reason: 'Give the reason for adjourning, in at least 3 characters' },
      { reason: 'adjournReason' },
    );
    await this.act(
      req,
      res,
      id,
      body,
      errors,
      'The hearing was not adjourned',
      '#adjournReason',
      '#dates',
      () => this.dates.adjourn(id, value.reason, principalOf(req), req.id),
    );
  }

  @Post(':id/panel')
  @Roles(...CASEWORK)
  async seat(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const role = one(body.role);
    const field = (PANEL_ROLES as string[]).includes(role) ? `seat-${role}` : 'panel';
    const { value, errors } = await checkAgainst(
      SeatDto,
      filled(body, ['panelMemberId', 'role']),
      { panelMemberId: `Choose a member for the ${words(role)} seat`, role: 'Choose a seat to fill' },
      { panelMemberId: field, role: field },
    );
    await this.act(req, res, id, body, errors, 'The member was not seated', `#${field}`, '#panel', () =>
      this.panel.seat(id, value, principalOf(req), req.id),
    );
  }

  /**
   * One arrangement step: the form's own errors first; then the service, whose refusal (the rule, the
   * earliest lawful date, the conflict) goes to the error summary; on success back to the section.
   */
  private async act(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    body: Form,
    errors: FieldError[],
    errorTitle: string,
    field: string,
    section: string,
    run: () => Promise<unknown>,
  ): Promise<void> {
    if (errors.length) return this.render(req, res, id, 400, body, errors, errorTitle);
    try {
      await run();
      res.redirect(303, `/hearings/${id}${section}`);
    } catch (error) {
      const refused = refusalErrors(error, field, { venue: 'venue', remoteLink: 'remoteLink' });
      if (!refused) throw error;
      return this.render(req, res, id, 422, body, refused, errorTitle);
    }
  }

  /** What the scheduler's forms need: the date's fields, and each empty seat with the pool members who hold that role. */
  private async arrangement(view: HearingView, form: Form) {
    const { hearing } = view;
    if (hearing.status === 'concluded') return null;
    const resubmitted = DATE_FIELDS.some((name) => form[name] !== undefined);
    const saved: Record<(typeof DATE_FIELDS)[number], string | null> = {
      date: hearing.scheduledOn,
      startsAt: hearing.startsAt,
      venue: hearing.venue,
      remoteLink: hearing.remoteLink,
    };
    const dateForm = Object.fromEntries(
      DATE_FIELDS.map((name) => [name, resubmitted ? one(form[name]) : (saved[name] ?? '')]),
    );
    const seated = new Set(view.seats.map((seat) => seat.panelMemberId));
    const model = hearing.scheduledOn ? panelModel(hearing.forum, hearing.scheduledOn) : null;
    const members = model ? await this.pool.list() : [];
    const seats = model
      ? REQUIRED_SEATS[model].flatMap((need) => {
          const open = need.count - view.seats.filter((seat) => seat.role === need.role).length;
          if (open <= 0) return [];
          const chosen = one(form.role) === need.role ? one(form.panelMemberId) : '';
          return [
            {
              role: need.role,
              roleText: words(need.role),
              note: need.note,
              items: [
                { value: '', text: 'Choose a member', selected: !chosen },
                ...members
                  .filter((m) => m.roles.includes(need.role as PanelRole) && !seated.has(m.id))
                  .map((m) => ({
                    value: m.id,
                    text: m.rank ? `${m.name} (${words(m.rank)})` : m.name,
                    selected: m.id === chosen,
                  })),
              ],
            },
          ];
        })
      : [];
    return {
      canDate: hearing.status === 'awaiting_date' || hearing.status === 'date_proposed',
      canAdjourn: hearing.status === 'date_proposed' || hearing.status === 'fixed',
      dateForm,
      reason: one(form.reason),
      model: model ? words(model) : null,
      required: model ? REQUIRED_SEATS[model].map((need) => need.note) : [],
      seats,
    };
  }

  private async render(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    status: number,
    form: Form,
    errors: FieldError[],
    errorTitle = 'The outcome was not recorded',
  ) {
    const principal = principalOf(req);
    const view = await this.hearings.view(id, principal, req.id);
    const { hearing } = view;
    const decides =
      hearing.status === 'fixed' &&
      !!hearing.scheduledOn &&
      (hasRole(principal, 'appropriate_authority') ||
        view.seats.some((seat) => seat.panelMember.userId === principal.userId));
    // the form only from the hearing day: before it no decision date could be accepted
    const open = decides && recordingOpen(hearing.scheduledOn!, this.clock.today());
    const decision = open ? await this.decisionForm(hearing.caseId, principal, req.id, form) : null;
    res.status(status).render('pages/hearing', {
      title: `${words(hearing.forum)} ${hearing.scheduledOn ?? ''}`.trim(),
      active: 'hearings',
      principal: req.principal,
      errors: errors.length ? errors : null,
      errorTitle,
      arrangement: CASEWORK.some((role) => hasRole(principal, role))
        ? await this.arrangement(view, form)
        : null,
      errorFor: errorsByField(errors),
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
      recordingOpensOn: decides && !open ? hearing.scheduledOn : null,
      appeals: await this.appealsSection(view, principal, req.id, form),
      caseReference: view.caseReference,
      form,
    });
  }

  /** The outcomes this hearing gave, their appeals, and (for casework) the forms to lodge and decide one. */
  private async appealsSection(view: HearingView, principal: Principal, requestId: string, form: Form) {
    if (view.hearing.status !== 'concluded' && view.hearing.status !== 'fixed') return null;
    const records = (await this.outcomes.forCase(view.hearing.caseId, principal, requestId)).filter(
      (r) => r.outcome.hearingId === view.hearing.id,
    );
    if (!records.length) return null;
    const contents = await this.contents.contents(view.hearing.caseId, principal, requestId);
    const nameOf = (id: string) => contents.subjects.find((s) => s.id === id)?.name ?? 'The subject';
    const casework = CASEWORK.some((role) => hasRole(principal, role));
    const label = (code: string | null) => (code ? (OUTCOME_LABELS[code as Outcome] ?? words(code)) : '');
    return {
      casework,
      outcomes: records.map(({ outcome, appeals }) => ({
        subjectId: outcome.subjectId,
        name: nameOf(outcome.subjectId),
        outcome: label(outcome.outcome),
        current: outcome.currentOutcome !== outcome.outcome ? label(outcome.currentOutcome) : null,
        decidedOn: outcome.decidedOn,
        notifiedOn: outcome.notifiedOn,
        appeals: appeals.map((a) => ({
          id: a.id,
          lodgedOn: a.lodgedOn,
          deadline: a.deadline,
          body: a.body === 'internal_appeal' ? 'an internal appeal' : 'the Police Appeals Tribunal',
          grounds: a.grounds.map(words).join(', '),
          result: a.result ? words(a.result) : null,
          varied: label(a.variedOutcome),
          decidedOn: a.decidedOn,
        })),
        open: appeals.find((a) => !a.result)?.id ?? null,
      })),
      grounds: APPEAL_GROUNDS.map((code) => ({
        value: code,
        text: words(code),
        checked: many(form.grounds).includes(code),
      })),
      results: APPEAL_RESULTS.map((code) => ({
        value: code,
        text:
          code === 'outcome_varied'
            ? 'Outcome varied'
            : code === 'allowed'
              ? 'Allowed (no further action)'
              : 'Dismissed (the outcome stands)',
        checked: one(form.result) === code,
      })),
      outcomeChoices: [
        { value: '', text: 'Choose an outcome', selected: !one(form.variedOutcome) },
        ...OUTCOMES.map((code) => ({
          value: code,
          text: OUTCOME_LABELS[code],
          selected: code === one(form.variedOutcome),
        })),
      ],
    };
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
    const otherWay = profile
      ? presentOtherWay(
          await this.comparables.otherWay(profile, {
            ...((OUTCOMES as readonly string[]).includes(proposed)
              ? { referenceStep: OUTCOME_STEPS[proposed as Outcome] }
              : {}),
          }),
        )
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
      factorsChosen: checked('aggravating').length + checked('mitigating').length,
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
      otherWay,
    };
  }
}

function principalOf(req: AuthenticatedRequest): Principal {
  if (!req.principal) throw new Error('The hearing pages are for signed-in users only');
  return req.principal;
}
