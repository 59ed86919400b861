import { addDays, format, parseISO } from 'date-fns';
import type { WorkingDays } from './notice-period.rules';

/**
 * Time limits on when a pre-hearing, a meeting and the chair's report happen (docs/domain.md §7, §18):
 * reg 33 (pre-hearing), reg 34 (misconduct meeting), reg 43 (chair's report and its publication).
 * Every "within N working days" counts from the first working day after the trigger, so the last
 * lawful day is the Nth working day after it (calendar.addWorkingDays).
 */
export interface TimeLimits {
  /** reg 33(1)(a): the pre-hearing, within 15 WD of the documents reaching the chair [V]. */
  preHearingWithin: number;
  /** reg 33(3) and reg 34: the officer's alternative date, within 5 WD after the chair's date [V]. */
  officerAlternativeWithin: number;
  /** reg 34: a misconduct meeting is held within 20 WD of the reg 30 notice [U]: configuration. */
  meetingHeldWithin: number;
  /** reg 43(1): the chair's report to the appropriate authority within 5 WD of the proceedings ending [V]. */
  chairReportWithin: number;
  /** reg 43(7): the outcome report stays published for not less than 28 days (calendar days) [V-m]. */
  outcomePublicationDays: number;
}

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  preHearingWithin: 15,
  officerAlternativeWithin: 5,
  meetingHeldWithin: 20,
  chairReportWithin: 5,
  outcomePublicationDays: 28,
};

export type LimitAnswer =
  | { lawful: true; extended: boolean }
  | {
      lawful: false;
      rule: string;
      message: string;
      latestLawfulDate: string | null;
      earliestLawfulDate: string | null;
    };

/** A reason recorded for an extension must say something: blank or a few letters is no reason. */
export function hasReason(reason: string | null | undefined): reason is string {
  return typeof reason === 'string' && reason.trim().length >= 10;
}

/**
 * reg 33(1)(a): the chair holds the pre-hearing within 15 working days from the first working day
 * after the documents were supplied to them; later only with a recorded reason (the chair extends).
 */
export function checkPreHearingDate(
  input: {
    documentsToChairOn: string;
    proposed: string;
    today: string;
    extensionReason?: string | null;
    /** The hearing's date, when it has one: the pre-hearing comes before it. */
    hearingDate?: string | null;
  },
  calendar: WorkingDays,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): LimitAnswer {
  const earliest = later(
    calendar.addWorkingDays(input.documentsToChairOn, 1),
    calendar.onOrAfter(input.today),
  );
  const latest = calendar.addWorkingDays(input.documentsToChairOn, limits.preHearingWithin);
  if (!calendar.isWorkingDay(input.proposed)) {
    return {
      lawful: false,
      rule: 'working_day',
      message: `${input.proposed} is a weekend day or a bank holiday in England and Wales; a pre-hearing (reg 33) is held on a working day.`,
      earliestLawfulDate: later(calendar.onOrAfter(input.proposed), earliest),
      latestLawfulDate: latest >= earliest ? latest : null,
    };
  }
  if (input.proposed < earliest) {
    return {
      lawful: false,
      rule: input.proposed < input.today ? 'date_in_past' : 'reg_33_pre_hearing',
      message:
        input.proposed < input.today
          ? `${input.proposed} has passed.`
          : `The pre-hearing follows the documents reaching the chair on ${input.documentsToChairOn} (reg 33(1)).`,
      earliestLawfulDate: earliest,
      latestLawfulDate: latest >= earliest ? latest : null,
    };
  }
  if (input.hearingDate && input.proposed >= input.hearingDate) {
    return {
      lawful: false,
      rule: 'reg_33_pre_hearing',
      message: `The pre-hearing prepares the hearing, so it is held before the hearing on ${input.hearingDate} (reg 33); choose an earlier date or move the hearing.`,
      earliestLawfulDate: earliest,
      latestLawfulDate: latest < input.hearingDate ? latest : null,
    };
  }
  if (input.proposed > latest) {
    if (hasReason(input.extensionReason)) return { lawful: true, extended: true };
    return {
      lawful: false,
      rule: 'reg_33_pre_hearing',
      message: `A pre-hearing is held within ${limits.preHearingWithin} working days from the first working day after the documents were supplied to the chair on ${input.documentsToChairOn} (reg 33(1)(a)): the latest lawful date is ${latest}. Choose a date by then, or give extensionReason (at least 10 characters) saying why the chair extends the period.`,
      earliestLawfulDate: earliest <= latest ? earliest : null,
      latestLawfulDate: latest,
    };
  }
  return { lawful: true, extended: false };
}

/**
 * reg 33(3) (pre-hearing) and reg 34 (meeting): the officer may propose an alternative date that is
 * reasonable and within 5 working days after the date the chair specified. It is the chair's date
 * that the window runs from, so a second alternative cannot push it further.
 */
export function checkOfficerAlternative(
  input: { chairDate: string; proposed: string; today: string; regulation: 'reg 33(3)' | 'reg 34' },
  calendar: WorkingDays,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): LimitAnswer {
  const latest = calendar.addWorkingDays(input.chairDate, limits.officerAlternativeWithin);
  const earliest = later(calendar.onOrAfter(input.today), calendar.addWorkingDays(input.chairDate, 1));
  const rule = input.regulation === 'reg 34' ? 'reg_34_alternative_date' : 'reg_33_alternative_date';
  if (!calendar.isWorkingDay(input.proposed)) {
    return {
      lawful: false,
      rule: 'working_day',
      message: `${input.proposed} is a weekend day or a bank holiday in England and Wales; the officer's alternative must be a working day.`,
      earliestLawfulDate: later(calendar.onOrAfter(input.proposed), earliest),
      latestLawfulDate: latest,
    };
  }
  if (input.proposed < earliest || input.proposed > latest) {
    return {
      lawful: false,
      rule,
      message: `The officer's alternative date must fall within ${limits.officerAlternativeWithin} working days after the chair's date of ${input.chairDate} (${input.regulation}): the last lawful date is ${latest}.`,
      earliestLawfulDate: earliest <= latest ? earliest : null,
      latestLawfulDate: latest,
    };
  }
  return { lawful: true, extended: false };
}

/**
 * reg 34: a misconduct meeting is held within 20 working days (configurable, [U]) of the reg 30
 * notice; later only where the interests of justice require it, with the reason recorded.
 */
export function checkMeetingHeldWithin(
  input: { noticeGivenOn: string; proposed: string; extensionReason?: string | null },
  calendar: WorkingDays,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): LimitAnswer {
  const latest = meetingLatestDate(input.noticeGivenOn, calendar, limits);
  if (input.proposed <= latest) return { lawful: true, extended: false };
  if (hasReason(input.extensionReason)) return { lawful: true, extended: true };
  return {
    lawful: false,
    rule: 'reg_34_meeting_time_limit',
    message: `A misconduct meeting is held within ${limits.meetingHeldWithin} working days of the notice given on ${input.noticeGivenOn} (reg 34): the latest lawful date is ${latest}. Choose a date by then, or give extensionReason (at least 10 characters) saying why the interests of justice require a later one.`,
    earliestLawfulDate: null,
    latestLawfulDate: latest,
  };
}

export function meetingLatestDate(
  noticeGivenOn: string,
  calendar: WorkingDays,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): string {
  return calendar.addWorkingDays(noticeGivenOn, limits.meetingHeldWithin);
}

/** reg 43(1): the chair's report is due before the end of the 5th working day after the proceedings end. */
export function chairReportDue(
  proceedingsEndedOn: string,
  calendar: WorkingDays,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): string {
  return calendar.addWorkingDays(proceedingsEndedOn, limits.chairReportWithin);
}

/**
 * reg 43(7): the outcome report of a public hearing stays on the website for not less than 28 days.
 * Published on a working day; taken down no earlier than the day after the last of those days, on a
 * working day (later is lawful, earlier is not).
 */
export function outcomePublicationPeriod(
  publishOn: string,
  calendar: WorkingDays,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): { publishOn: string; removeOn: string } {
  const published = calendar.onOrAfter(publishOn);
  const removeOn = calendar.onOrAfter(
    format(addDays(parseISO(published), limits.outcomePublicationDays), 'yyyy-MM-dd'),
  );
  return { publishOn: published, removeOn };
}

function later(a: string, b: string): string {
  return a < b ? b : a;
}
