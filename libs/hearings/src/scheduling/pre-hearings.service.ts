import { Injectable } from '@nestjs/common';
import { CasesService } from '@precedent/cases';
import type { Principal } from '@precedent/identity';
import { Clock, InvalidInputError, WorkingDayCalendar } from '@precedent/platform';
import { HearingPeriods } from '../config/hearing-periods';
import { HearingChanges, refuseStep, refuseUnlawful } from '../hearings/hearing-changes.service';
import type { AlternativeDateInput, PreHearingInput } from '../hearings/hearing-inputs';
import type { Hearing } from '../hearings/hearing.entity';
import { NoticesService } from '../notices/notices.service';
import { checkOfficerAlternative, checkPreHearingDate } from './time-limit.rules';

/** The pre-hearing of a misconduct hearing (reg 33): the chair's date and the officer's alternative. */
@Injectable()
export class PreHearingsService {
  constructor(
    private readonly changes: HearingChanges,
    private readonly cases: CasesService,
    private readonly notices: NoticesService,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly periods: HearingPeriods,
  ) {}

  /**
   * reg 33: the chair sets the pre-hearing of a misconduct hearing within 15 working days from the
   * first working day after the documents reached them (later only with a recorded reason).
   */
  async setPreHearing(
    id: string,
    input: PreHearingInput,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.changes.change(
      id,
      by,
      async (em, hearing) => {
        refuseStep('set_pre_hearing', hearing);
        const today = this.clock.today();
        const documentsToChairOn = input.chairDocumentsSuppliedOn ?? hearing.chairDocumentsSuppliedOn;
        if (!documentsToChairOn) {
          throw new InvalidInputError(
            'chair_documents_required',
            'Give chairDocumentsSuppliedOn: the reg 33 period counts from the day the documents reached the chair.',
            { fields: [{ field: 'chairDocumentsSuppliedOn', message: 'required the first time' }] },
          );
        }
        if (documentsToChairOn > today) {
          throw new InvalidInputError('future_date', 'chairDocumentsSuppliedOn cannot be in the future.', {
            fields: [{ field: 'chairDocumentsSuppliedOn', message: 'must be today or earlier' }],
          });
        }
        const answer = checkPreHearingDate(
          {
            documentsToChairOn,
            proposed: input.date,
            today,
            extensionReason: input.extensionReason,
            hearingDate: hearing.scheduledOn,
          },
          this.calendar,
          this.periods.timeLimits,
        );
        refuseUnlawful(answer);
        hearing.chairDocumentsSuppliedOn = documentsToChairOn;
        hearing.preHearingChairDate = input.date;
        hearing.preHearingOn = input.date;
        hearing.preHearingStartsAt = input.startsAt ?? null;
        hearing.preHearingExtensionReason = answer.extended ? input.extensionReason!.trim() : null;
        await this.notices.cancel(em, hearing.id, ['pre_hearing']);
        await this.notices.plan(em, hearing, [
          {
            kind: 'pre_hearing',
            dueOn: this.calendar.onOrAfter(today),
            text: `Notice to the officer: the pre-hearing (reg 33) is on ${input.date}${input.startsAt ? ` at ${input.startsAt}` : ''}; an alternative date may be proposed within ${this.periods.timeLimits.officerAlternativeWithin} working days after it.`,
          },
        ]);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'pre_hearing_set',
          actorId: by.userId,
          reason: `Pre-hearing set for ${input.date} (documents to the chair on ${documentsToChairOn})${
            hearing.preHearingExtensionReason
              ? `, after the reg 33 period, extended by the chair: ${hearing.preHearingExtensionReason}`
              : ''
          }.`,
        });
        return {
          action: 'hearing.pre_hearing.set',
          details: { date: input.date, extended: hearing.preHearingExtensionReason !== null },
        };
      },
      requestId,
    );
  }

  /** reg 33(3): the officer's alternative pre-hearing date, within 5 working days after the chair's. */
  async preHearingAlternative(
    id: string,
    input: AlternativeDateInput,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.changes.change(
      id,
      by,
      async (em, hearing) => {
        refuseStep('pre_hearing_alternative', hearing);
        refuseUnlawful(
          checkOfficerAlternative(
            {
              chairDate: hearing.preHearingChairDate!,
              proposed: input.date,
              today: this.clock.today(),
              regulation: 'reg 33(3)',
            },
            this.calendar,
            this.periods.timeLimits,
          ),
        );
        const was = hearing.preHearingOn;
        hearing.preHearingOn = input.date;
        if (input.startsAt !== undefined) hearing.preHearingStartsAt = input.startsAt;
        await this.notices.cancel(em, hearing.id, ['pre_hearing']);
        await this.notices.plan(em, hearing, [
          {
            kind: 'pre_hearing',
            dueOn: this.calendar.onOrAfter(this.clock.today()),
            text: `The pre-hearing moves from ${was} to the officer's alternative date ${input.date} (reg 33(3)).`,
          },
        ]);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'pre_hearing_set',
          actorId: by.userId,
          reason: `Pre-hearing moved from ${was} to the officer's alternative date ${input.date} (reg 33(3)).`,
        });
        return { action: 'hearing.pre_hearing.alternative', details: { was, date: input.date } };
      },
      requestId,
    );
  }
}
