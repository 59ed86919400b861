import { Injectable } from '@nestjs/common';
import { CasesService } from '@precedent/cases';
import type { Principal } from '@precedent/identity';
import { Clock, InvalidInputError, WorkingDayCalendar } from '@precedent/platform';
import type { EntityManager } from 'typeorm';
import { HearingPeriods } from '../config/hearing-periods';
import { HearingStateError, UnlawfulDateError } from '../hearing.errors';
import { HearingChanges, refuseStep, refuseUnlawful } from '../hearings/hearing-changes.service';
import type { AlternativeDateInput, HearingDateInput } from '../hearings/hearing-inputs';
import type { Hearing } from '../hearings/hearing.entity';
import { forumLabel } from '../hearings/hearing-steps.rules';
import { checkDateToFix, fixedDateNotices, type NoticeKind } from '../notices/notice-plan.rules';
import { NoticesService } from '../notices/notices.service';
import { HearingPanelService } from '../panels/hearing-panel.service';
import { checkMeetingHeldWithin, checkOfficerAlternative } from './time-limit.rules';

/** The notices that depend on the date: cancelled and planned again when it moves. */
const DATE_NOTICES: readonly NoticeKind[] = [
  'hearing_date_to_officer',
  'public_notice',
  'public_notice_removal',
  'panel_reminder',
];

/** A meeting's or hearing's date: proposed, fixed, moved to the officer's alternative, adjourned. */
@Injectable()
export class HearingDatesService {
  constructor(
    private readonly changes: HearingChanges,
    private readonly panel: HearingPanelService,
    private readonly cases: CasesService,
    private readonly notices: NoticesService,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly periods: HearingPeriods,
  ) {}

  async proposeDate(id: string, input: HearingDateInput, by: Principal, requestId: string): Promise<Hearing> {
    return this.changes.change(
      id,
      by,
      async (em, hearing, kase) => {
        refuseStep('propose_date', hearing);
        this.checkDate(hearing, input.date, input.extensionReason);
        setPlace(hearing, input);
        hearing.chairDate = input.date;
        hearing.status = 'date_proposed';
        await this.changes.history(em, hearing, 'proposed', by, null);
        await this.panel.checkSeatsFree(em, hearing, kase);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_date_proposed',
          actorId: by.userId,
          reason: `${forumLabel(hearing.forum)} proposed for ${input.date}${extensionNote(hearing, input.date)}.`,
        });
        return { action: 'hearing.date.propose', details: { date: input.date } };
      },
      requestId,
    );
  }

  /**
   * Fixes the date (the proposed one, or a new one): lawful by the Regulations, a complete panel with
   * no conflicts, a venue or a link. The notices are planned and the case moves to hearing scheduled.
   */
  async fixDate(
    id: string,
    input: Partial<HearingDateInput>,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.changes.change(
      id,
      by,
      async (em, hearing, kase) => {
        refuseStep('fix_date', hearing);
        const date = input.date ?? hearing.scheduledOn;
        if (!date) throw new HearingStateError('Propose a date first, or give one.');
        // the officer's alternative (reg 34) was lawful when taken; a date the chair gives is checked afresh
        const officersDate = !input.date && hearing.chairDate !== null && hearing.chairDate !== date;
        // a reason given with the proposal carries over to fixing the same date
        const reason =
          input.extensionReason ??
          (date === hearing.scheduledOn ? (hearing.timeLimitExtensionReason ?? undefined) : undefined);
        this.checkDate(hearing, date, reason, officersDate);
        if (input.date) hearing.chairDate = input.date;
        setPlace(hearing, { ...input, date });
        if (
          hearing.forum === 'accelerated_hearing' &&
          !hearing.certifiedByUserId &&
          !hearing.certifiedByPanelMemberId
        ) {
          throw new InvalidInputError(
            'certifier_required',
            'Record who certified the special conditions (reg 49) before fixing an accelerated hearing: PUT /api/hearings/:id/special-conditions with certifiedByUserId or certifiedByPanelMemberId. They may not chair it.',
            { rule: 'reg_49_certifier_chair' },
          );
        }
        if (!hearing.venue && !hearing.remoteLink) {
          throw new InvalidInputError(
            'place_required',
            'Give a venue or a remote link before fixing the date.',
            {
              fields: [{ field: 'venue', message: 'a venue or a remoteLink is required' }],
            },
          );
        }
        await this.panel.refuseIncompletePanel(em, hearing, date);
        await this.panel.checkSeatsFree(em, hearing, kase);
        hearing.status = 'fixed';
        await this.changes.history(em, hearing, 'fixed', by, null);
        await this.planDateNotices(em, hearing, date);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_date_fixed',
          actorId: by.userId,
          reason: `${forumLabel(hearing.forum)} fixed for ${date}${hearing.startsAt ? ` at ${hearing.startsAt}` : ''}${extensionNote(hearing, date)}.`,
        });
        if (kase.status !== 'hearing_scheduled') {
          await this.cases.transitionIn(
            em,
            kase,
            {
              to: 'hearing_scheduled',
              reason: `${forumLabel(hearing.forum)} fixed for ${date}.`,
              hearingFixed: true,
            },
            by,
            requestId,
          );
        }
        return { action: 'hearing.date.fix', details: { date } };
      },
      requestId,
    );
  }

  async adjourn(id: string, reason: string, by: Principal, requestId: string): Promise<Hearing> {
    return this.changes.change(
      id,
      by,
      async (em, hearing) => {
        refuseStep('adjourn', hearing);
        const was = hearing.scheduledOn;
        await this.changes.history(em, hearing, 'adjourned', by, reason);
        hearing.status = 'awaiting_date';
        hearing.scheduledOn = null;
        await this.notices.cancel(em, hearing.id, DATE_NOTICES);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_adjourned',
          actorId: by.userId,
          reason: `${forumLabel(hearing.forum)} of ${was} adjourned: ${reason}`,
        });
        return { action: 'hearing.adjourn', details: { was } };
      },
      requestId,
    );
  }

  /**
   * reg 34: the officer proposes another date for their meeting, within 5 working days after the
   * date the chair specified. Taken in place of the chair's date (the time limit does not apply to
   * it); a fixed meeting keeps its panel if every member is free then, and its notices move.
   */
  async officerAlternativeDate(
    id: string,
    input: AlternativeDateInput,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.changes.change(
      id,
      by,
      async (em, hearing, kase) => {
        refuseStep('officer_alternative', hearing);
        refuseUnlawful(
          checkOfficerAlternative(
            {
              chairDate: hearing.chairDate!,
              proposed: input.date,
              today: this.clock.today(),
              regulation: 'reg 34',
            },
            this.calendar,
            this.periods.timeLimits,
          ),
        );
        this.checkDate(hearing, input.date, undefined, true);
        const was = hearing.scheduledOn;
        setPlace(hearing, input);
        hearing.timeLimitExtensionReason = null;
        await this.panel.checkSeatsFree(em, hearing, kase);
        await this.changes.history(
          em,
          hearing,
          hearing.status === 'fixed' ? 'fixed' : 'proposed',
          by,
          `The officer's alternative to ${hearing.chairDate} (reg 34).`,
        );
        if (hearing.status === 'fixed') await this.planDateNotices(em, hearing, input.date);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_date_proposed',
          actorId: by.userId,
          reason: `${forumLabel(hearing.forum)} moved from ${was} to the officer's alternative date ${input.date} (reg 34).`,
        });
        return { action: 'hearing.date.officer_alternative', details: { was, date: input.date } };
      },
      requestId,
    );
  }

  /** The notices a fixed date sets off, replacing any planned for an earlier date. */
  private async planDateNotices(em: EntityManager, hearing: Hearing, date: string): Promise<void> {
    await this.notices.cancel(em, hearing.id, DATE_NOTICES);
    await this.notices.plan(
      em,
      hearing,
      fixedDateNotices(
        hearing.forum,
        date,
        this.clock.today(),
        this.calendar,
        this.periods.notice,
        this.periods.panelReminderLead,
      ),
    );
  }

  private checkDate(
    hearing: Hearing,
    date: string,
    extensionReason?: string,
    officersAlternative = false,
  ): void {
    const answer = checkDateToFix(
      {
        forum: hearing.forum,
        noticeServedOn: hearing.documentsSuppliedOn,
        proposed: date,
        today: this.clock.today(),
      },
      this.calendar,
      this.periods.notice,
    );
    if (!answer.lawful) throw new UnlawfulDateError(answer.rule, answer.message, answer.earliestLawfulDate);
    if (hearing.forum === 'misconduct_meeting' && !officersAlternative) {
      const limit = checkMeetingHeldWithin(
        { noticeGivenOn: hearing.documentsSuppliedOn, proposed: date, extensionReason },
        this.calendar,
        this.periods.timeLimits,
      );
      refuseUnlawful(limit);
      hearing.timeLimitExtensionReason = limit.lawful && limit.extended ? extensionReason!.trim() : null;
    }
  }
}

function setPlace(hearing: Hearing, input: Partial<HearingDateInput> & { date: string }): void {
  hearing.scheduledOn = input.date;
  if (input.startsAt !== undefined) hearing.startsAt = input.startsAt;
  if (input.durationMinutes !== undefined) hearing.durationMinutes = input.durationMinutes;
  if (input.venue !== undefined) hearing.venue = input.venue;
  if (input.remoteLink !== undefined) hearing.remoteLink = input.remoteLink;
}

/** ", held after the reg 34 time limit in the interests of justice: <reason>" when it was extended. */
function extensionNote(hearing: Hearing, date: string): string {
  return hearing.timeLimitExtensionReason && hearing.scheduledOn === date
    ? `, after the reg 34 time limit in the interests of justice: ${hearing.timeLimitExtensionReason}`
    : '';
}
