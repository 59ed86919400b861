import { format, parseISO, subDays } from 'date-fns';
import type { Forum } from '../outcomes/outcome';
import { sitsInPublic } from '../panels/panel-composition.rules';
import {
  checkProposedDate,
  DEFAULT_NOTICE_PERIODS,
  officerResponseDue,
  publicNoticeDueBy,
  type DateAnswer,
  type NoticePeriods,
  type WorkingDays,
} from '../scheduling/notice-period.rules';
import {
  chairReportDue,
  DEFAULT_TIME_LIMITS,
  outcomePublicationPeriod,
  type TimeLimits,
} from '../scheduling/time-limit.rules';

export const NOTICE_KINDS = [
  'officer_notice',
  'officer_response_due',
  'hearing_date_to_officer',
  'public_notice',
  'public_notice_removal',
  'panel_reminder',
  'pre_hearing',
  'chair_report_due',
  'outcome_publication',
  'outcome_publication_removal',
  'outcome_to_officer',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface PlannedNotice {
  kind: NoticeKind;
  /** The working day it goes out (or, for a removal, comes down). */
  dueOn: string;
  text: string;
  /** The subject it is about, when it concerns one officer (their outcome). */
  subjectId?: string;
}

/** Reminders to panel members go out this many working days before the hearing (a practice choice, not a rule). */
export const PANEL_REMINDER_LEAD = 5;

/** Notices that follow a referral: the officer is told, and reminded when the reg 31 response falls due. */
export function referralNotices(
  documentsSuppliedOn: string,
  today: string,
  calendar: WorkingDays,
  periods: NoticePeriods = DEFAULT_NOTICE_PERIODS,
): PlannedNotice[] {
  const due = officerResponseDue(documentsSuppliedOn, calendar, periods);
  return [
    {
      kind: 'officer_notice',
      dueOn: today,
      text: `Notice to the officer: documents supplied on ${documentsSuppliedOn}; the response (reg 31) is due by ${due}.`,
    },
    {
      kind: 'officer_response_due',
      dueOn: due,
      text: `The officer's response under reg 31 is due today (${due}).`,
    },
  ];
}

/** Notices that follow fixing a date: to the officer, the public notice and its removal, panel reminders. */
export function fixedDateNotices(
  forum: Forum,
  hearingDate: string,
  today: string,
  calendar: WorkingDays,
  periods: NoticePeriods = DEFAULT_NOTICE_PERIODS,
  reminderLead: number = PANEL_REMINDER_LEAD,
): PlannedNotice[] {
  const notices: PlannedNotice[] = [
    {
      kind: 'hearing_date_to_officer',
      dueOn: today,
      text: `Notice to the officer of the ${label(forum)} on ${hearingDate}.`,
    },
  ];
  if (sitsInPublic(forum)) {
    // reg 36: at least N working days before; an accelerated hearing's notice as soon as practicable (reg 53)
    const publishOn =
      forum === 'accelerated_hearing'
        ? calendar.onOrAfter(today)
        : publicNoticeDueBy(hearingDate, calendar, periods);
    notices.push({
      kind: 'public_notice',
      dueOn: publishOn,
      text: `Public notice of the ${label(forum)} on ${hearingDate} published on the force website.`,
    });
    notices.push({
      kind: 'public_notice_removal',
      dueOn: calendar.addWorkingDays(hearingDate, 1),
      text: `Public notice of the ${label(forum)} on ${hearingDate} removed: the hearing has been held.`,
    });
  }
  const reminderOn = workingDaysBefore(hearingDate, reminderLead, calendar);
  notices.push({
    kind: 'panel_reminder',
    dueOn: reminderOn < today ? today : reminderOn,
    text: `Reminder to the panel: the ${label(forum)} sits on ${hearingDate}.`,
  });
  return notices;
}

/**
 * Notices that follow the outcome (reg 43): the chair's report to the appropriate authority is due
 * by the 5th working day after the proceedings end; a public hearing's outcome report is published
 * (on the working day after that deadline, when the report exists: a practice choice) and kept up
 * for not less than 28 days (reg 43(7)), then taken down.
 */
export function outcomeNotices(
  forum: Forum,
  proceedingsEndedOn: string,
  today: string,
  calendar: WorkingDays,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): PlannedNotice[] {
  const due = chairReportDue(proceedingsEndedOn, calendar, limits);
  const notices: PlannedNotice[] = [
    {
      kind: 'chair_report_due',
      dueOn: due,
      text: `The chair's report on the ${label(forum)} that ended on ${proceedingsEndedOn} is due to the appropriate authority by ${due} (reg 43(1)).`,
    },
  ];
  if (sitsInPublic(forum)) {
    const afterReport = calendar.addWorkingDays(due, 1);
    const earliest = calendar.onOrAfter(today);
    const { publishOn, removeOn } = outcomePublicationPeriod(
      afterReport < earliest ? earliest : afterReport,
      calendar,
      limits,
    );
    notices.push({
      kind: 'outcome_publication',
      dueOn: publishOn,
      text: `Outcome report of the ${label(forum)} published on the force website, to stay until ${removeOn} (not less than ${limits.outcomePublicationDays} days, reg 43(7)).`,
    });
    notices.push({
      kind: 'outcome_publication_removal',
      dueOn: removeOn,
      text: `Outcome report of the ${label(forum)} removed from the force website: published since ${publishOn}, ${limits.outcomePublicationDays} days have passed (reg 43(7)).`,
    });
  }
  return notices;
}

/** The Nth working day before a date. */
export function workingDaysBefore(date: string, n: number, calendar: WorkingDays): string {
  let counted = 0;
  let day = date;
  while (counted < n) {
    day = format(subDays(parseISO(day), 1), 'yyyy-MM-dd');
    if (calendar.isWorkingDay(day)) counted++;
  }
  return day;
}

/**
 * Whether a date can be fixed today: the Regulations' periods (checkProposedDate), not in the past,
 * and for a public hearing early enough that its notice can still be published in time (reg 36).
 */
export function checkDateToFix(
  input: { forum: Forum; noticeServedOn: string; proposed: string; today: string },
  calendar: WorkingDays,
  periods: NoticePeriods = DEFAULT_NOTICE_PERIODS,
): DateAnswer {
  const rules = checkProposedDate(input, calendar, periods);
  const earliestToday = calendar.onOrAfter(input.today);
  const noticeEarliest =
    sitsInPublic(input.forum) && input.forum !== 'accelerated_hearing'
      ? calendar.addWorkingDays(earliestToday, periods.publicNoticeLead)
      : earliestToday;
  const later = (a: string | null, b: string) => (a === null || a < b ? b : a);
  if (!rules.lawful) {
    // the earliest lawful date must also be one that can still be fixed (and noticed) from today
    return { ...rules, earliestLawfulDate: later(rules.earliestLawfulDate, noticeEarliest) };
  }
  if (input.proposed < input.today) {
    return {
      lawful: false,
      rule: 'date_in_past',
      message: `${input.proposed} has passed.`,
      earliestLawfulDate: later(checkEarliest(input, calendar, periods), noticeEarliest),
    };
  }
  if (input.proposed < noticeEarliest) {
    return {
      lawful: false,
      rule: 'public_notice_lead',
      message: `A ${label(input.forum)} sits in public and its notice must be published at least ${periods.publicNoticeLead} working days before it (reg 36): the earliest date that allows that from today is ${noticeEarliest}.`,
      earliestLawfulDate: noticeEarliest,
    };
  }
  return rules;
}

function checkEarliest(
  input: { forum: Forum; noticeServedOn: string },
  calendar: WorkingDays,
  periods: NoticePeriods,
): string {
  return input.forum === 'accelerated_hearing'
    ? calendar.addWorkingDays(input.noticeServedOn, periods.acceleratedMin)
    : calendar.addWorkingDays(input.noticeServedOn, periods.officerResponse + periods.witnessLists + 1);
}

function label(forum: Forum): string {
  return forum.replace(/_/g, ' ');
}
