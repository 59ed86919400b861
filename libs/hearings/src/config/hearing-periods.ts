import { Injectable } from '@nestjs/common';
import { type ChiefOfficerAppealConfig } from '@precedent/cases';
import { Env } from '@precedent/platform';
import { DEFAULT_APPEAL_PERIODS, type AppealPeriods } from '../appeals/appeal-period.rules';
import { DEFAULT_WARNING_PERIODS, type WarningPeriods } from '../outcomes/warning-period.rules';
import { DEFAULT_NOTICE_PERIODS, type NoticePeriods } from '../scheduling/notice-period.rules';
import { DEFAULT_TIME_LIMITS, type TimeLimits } from '../scheduling/time-limit.rules';

/**
 * The periods the hearings rules count, with the unverified ones (marked [U] in docs/domain.md) taken from
 * configuration; verified periods stay the Regulations' own.
 */
@Injectable()
export class HearingPeriods {
  readonly notice: NoticePeriods;
  readonly appeal: AppealPeriods;
  readonly warning: WarningPeriods;
  readonly panelReminderLead: number;
  readonly timeLimits: TimeLimits;
  /** Off unless CHIEF_OFFICER_APPEALS_FROM is set. */
  readonly chiefOfficerAppeals: ChiefOfficerAppealConfig;

  constructor(env: Env) {
    this.notice = { ...DEFAULT_NOTICE_PERIODS, publicNoticeLead: env.HEARING_PUBLIC_NOTICE_WORKING_DAYS };
    this.appeal = {
      ...DEFAULT_APPEAL_PERIODS,
      meetingAppeal: env.MEETING_APPEAL_WORKING_DAYS,
      tribunalAppeal: env.TRIBUNAL_APPEAL_WORKING_DAYS,
    };
    this.warning = {
      ...DEFAULT_WARNING_PERIODS,
      writtenWarningMonths: {
        ...DEFAULT_WARNING_PERIODS.writtenWarningMonths,
        pcr2012: env.WRITTEN_WARNING_2012_MONTHS,
      },
      extendedFinalWrittenWarningMonths: env.EXTENDED_FINAL_WARNING_MONTHS,
    };
    this.panelReminderLead = env.PANEL_REMINDER_WORKING_DAYS;
    this.chiefOfficerAppeals = {
      enabled: env.CHIEF_OFFICER_APPEALS_FROM !== '',
      from: env.CHIEF_OFFICER_APPEALS_FROM,
      workingDays: env.CHIEF_OFFICER_APPEAL_WORKING_DAYS,
    };
    // reg 34's 20 days is [U]: the same setting the case's deadlines use, so both agree
    this.timeLimits = {
      ...DEFAULT_TIME_LIMITS,
      meetingHeldWithin: env.MISCONDUCT_MEETING_WORKING_DAYS,
      outcomePublicationDays: env.OUTCOME_PUBLICATION_DAYS,
    };
  }
}
