import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { ClassConstructor } from 'class-transformer';
import {
  HearingsService,
  PanelPoolService,
  panelModel,
  recordingOpen,
  REQUIRED_SEATS,
  stepRefusal,
  type HearingView,
  type PanelRole,
} from '@precedent/hearings';
import { hasRole, type Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { words } from '../../common/code-words';
import {
  checkAgainst,
  errorsByField,
  filled,
  one,
  refusalErrors,
  type FieldError,
  type Form,
} from '../hearing-forms';
import { HearingAppealsSection } from './hearing-appeals-section';
import { HearingDecisionForm } from './hearing-decision-form';

export const CASEWORK = ['investigator', 'appropriate_authority'] as const;
export const DATE_FIELDS = ['date', 'startsAt', 'venue', 'remoteLink'] as const;

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
  outcome_to_officer: 'Notice of the outcome to the officer',
};

/**
 * One form on the hearing page, as data: the DTO the API checks it against, the text fields it
 * takes, what each problem says and which field it links to, and where the page goes after it.
 */
export interface HearingFormStep<T extends object> {
  dto: ClassConstructor<T>;
  fields: readonly string[];
  /** Values that are not single text fields (checkbox lists). */
  more?: (body: Form) => Record<string, unknown>;
  messages: Record<string, string>;
  ids?: Record<string, string>;
  /** The error summary's title when the step is refused. */
  errorTitle: string;
  /** Where the service's refusal links in the error summary. */
  field: string;
  /** The page section to return to when it is done. */
  section: string;
}

export function principalOf(req: AuthenticatedRequest): Principal {
  if (!req.principal) throw new Error('The hearing pages are for signed-in users only');
  return req.principal;
}

/**
 * The hearing page (its panel, dates, notices, outcome form and appeals) and the one shape every
 * form on it follows: check the form, call the service, redirect to the section, or show the page
 * again with what was typed and the refusal in the error summary.
 */
@Injectable()
export class HearingPage {
  constructor(
    private readonly hearings: HearingsService,
    private readonly pool: PanelPoolService,
    private readonly clock: Clock,
    private readonly decisionForm: HearingDecisionForm,
    private readonly appealsSection: HearingAppealsSection,
  ) {}

  /** A form posted to the hearing page: its own errors first, then the service's refusal, else back to the section. */
  async submit<T extends object>(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    body: Form,
    step: HearingFormStep<T>,
    run: (value: T, by: Principal) => Promise<unknown>,
  ): Promise<void> {
    const input = { ...filled(body, step.fields), ...(step.more?.(body) ?? {}) };
    const { value, errors } = await checkAgainst(step.dto, input, step.messages, step.ids);
    if (errors.length) return this.render(req, res, id, 400, body, errors, step.errorTitle);
    try {
      await run(value, principalOf(req));
      res.redirect(303, `/hearings/${id}${step.section}`);
    } catch (error) {
      const refused = refusalErrors(error, step.field, { venue: 'venue', remoteLink: 'remoteLink' });
      if (!refused) throw error;
      return this.render(req, res, id, 422, body, refused, step.errorTitle);
    }
  }

  async render(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    status: number,
    form: Form,
    errors: FieldError[],
    errorTitle = 'The outcome was not recorded',
  ): Promise<void> {
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
    const decision = open ? await this.decisionForm.build(hearing.caseId, principal, req.id, form) : null;
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
      appeals: await this.appealsSection.build(view, principal, req.id, form),
      caseReference: view.caseReference,
      form,
    });
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
      canDate: stepRefusal('propose_date', hearing) === null,
      canAdjourn: stepRefusal('adjourn', hearing) === null,
      dateForm,
      reason: one(form.reason),
      model: model ? words(model) : null,
      required: model ? REQUIRED_SEATS[model].map((need) => need.note) : [],
      seats,
    };
  }
}
