import { format, parseISO, subMonths } from 'date-fns';
import type { CaseStatus } from './case-lifecycle.rules';

/** The calendar the rules count on; libs/platform's WorkingDayCalendar (England and Wales) is the real one. */
export interface WorkingDays {
  addWorkingDays(from: string, n: number): string;
}

/**
 * Time limits that apply to a case (domain.md §4.2, §4.4, §7, §18). Values marked [U] there are
 * configuration (see Env) with these defaults; the others are the Regulations' own numbers.
 */
export interface CaseTimeLimits {
  /** IOPC referral: by the end of the working day after a criterion is clear (the 2004 rule; today's deadline [U]). */
  iopcReferralWorkingDays: number;
  /** Report to the local policing body once an investigation has run this long [V-s]... */
  lpbReportAfterMonths: number;
  /** ...and again at these intervals while it stays open [V-s]. */
  lpbReportEveryMonths: number;
  /** reg 64(2): the officer's account in reflective practice [V-s]. */
  rprpOfficerAccountWorkingDays: number;
  /** reg 34: a misconduct meeting is held within this many working days [U]. */
  misconductMeetingWorkingDays: number;
  /** reg 52(1): an accelerated hearing falls 10 to 15 working days after its notice [V]. */
  acceleratedHearingMinWorkingDays: number;
  acceleratedHearingMaxWorkingDays: number;
  /** reg 43(1): the chair's outcome report to the appropriate authority [V]. */
  chairOutcomeReportWorkingDays: number;
}

export const DEFAULT_CASE_TIME_LIMITS: CaseTimeLimits = {
  iopcReferralWorkingDays: 1,
  lpbReportAfterMonths: 12,
  lpbReportEveryMonths: 6,
  rprpOfficerAccountWorkingDays: 5,
  misconductMeetingWorkingDays: 20,
  acceleratedHearingMinWorkingDays: 10,
  acceleratedHearingMaxWorkingDays: 15,
  chairOutcomeReportWorkingDays: 5,
};

export const DEADLINE_NAMES = [
  'iopc_referral',
  'lpb_report',
  'rprp_officer_account',
  'misconduct_meeting',
  'accelerated_hearing',
  'chair_outcome_report',
] as const;
export type DeadlineName = (typeof DEADLINE_NAMES)[number];

/** The dates and status the time limits are counted from. Dates are YYYY-MM-DD (Europe/London). */
export interface CaseClockFacts {
  status: CaseStatus;
  /** When the matter came to the appropriate authority's attention. */
  cameToAttentionOn: string;
  /** The day the case entered its current status. */
  statusSince: string;
  /** The day the mandatory IOPC referral criteria were found to be met, when they are. */
  iopcCriteriaMetOn: string | null;
  iopcReferralDecided: boolean;
}

export interface Deadline {
  name: DeadlineName;
  /** The last day (YYYY-MM-DD) the step is in time. */
  dueOn: string;
  /** Where a window has a start as well as an end (accelerated hearings). */
  earliestOn?: string;
  /** What the date is counted from, and the rule. */
  basis: string;
  overdue: boolean;
}

/** The 12-month report to the local policing body, repeated every 6 months (domain.md §4.4). */
export interface LpbReport {
  /** A report is due now: the investigation has been open past the first threshold. */
  due: boolean;
  firstDueOn: string;
  /** The most recent report date reached, or null before the first. */
  lastDueOn: string | null;
  nextDueOn: string;
  /** How many reports have fallen due so far. */
  reportsDue: number;
}

/** An investigation is open while the case is being investigated. */
export const INVESTIGATION_OPEN: readonly CaseStatus[] = ['investigating'];

/**
 * The statuses that carry a time limit of their own (below); any other open case has one only while
 * an IOPC referral is undecided. Lists that look for due dates narrow by these in SQL first.
 */
export const STATUSES_WITH_TIME_LIMITS: readonly CaseStatus[] = [
  ...INVESTIGATION_OPEN,
  'reflective_practice',
  'referred_to_meeting',
  'referred_to_accelerated_hearing',
  'decided',
];

/** Finished cases: no time limit is shown for them, even an IOPC referral left undecided. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['closed', 'withdrawn'];

/** The due dates that apply to a case now, earliest first. */
export function caseDeadlines(
  facts: CaseClockFacts,
  today: string,
  calendar: WorkingDays,
  limits: CaseTimeLimits = DEFAULT_CASE_TIME_LIMITS,
): Deadline[] {
  const deadlines: Omit<Deadline, 'overdue'>[] = [];
  const wd = (from: string, n: number) => calendar.addWorkingDays(from, n);

  if (facts.iopcCriteriaMetOn && !facts.iopcReferralDecided) {
    deadlines.push({
      name: 'iopc_referral',
      dueOn: wd(facts.iopcCriteriaMetOn, limits.iopcReferralWorkingDays),
      basis: `Refer to the IOPC by the end of ${plural(limits.iopcReferralWorkingDays, 'working day')} after a mandatory criterion was found to be met on ${facts.iopcCriteriaMetOn}`,
    });
  }
  const lpb = lpbReport(facts, today, limits);
  if (lpb) {
    deadlines.push({
      name: 'lpb_report',
      dueOn: lpb.lastDueOn ?? lpb.firstDueOn,
      basis: `Report to the local policing body once an investigation has run ${limits.lpbReportAfterMonths} months from ${facts.cameToAttentionOn}, when the matter came to the appropriate authority's attention, then every ${limits.lpbReportEveryMonths} months (reg 19)`,
    });
  }
  if (facts.status === 'reflective_practice') {
    deadlines.push({
      name: 'rprp_officer_account',
      dueOn: wd(facts.statusSince, limits.rprpOfficerAccountWorkingDays),
      basis: `The officer's account within ${plural(limits.rprpOfficerAccountWorkingDays, 'working day')} of the referral to reflective practice on ${facts.statusSince} (reg 64(2))`,
    });
  }
  if (facts.status === 'referred_to_meeting') {
    deadlines.push({
      name: 'misconduct_meeting',
      dueOn: wd(facts.statusSince, limits.misconductMeetingWorkingDays),
      basis: `The meeting within ${plural(limits.misconductMeetingWorkingDays, 'working day')} of the referral on ${facts.statusSince} (reg 34, extendable in the interests of justice)`,
    });
  }
  if (facts.status === 'referred_to_accelerated_hearing') {
    deadlines.push({
      name: 'accelerated_hearing',
      earliestOn: wd(facts.statusSince, limits.acceleratedHearingMinWorkingDays),
      dueOn: wd(facts.statusSince, limits.acceleratedHearingMaxWorkingDays),
      basis: `The hearing not less than ${limits.acceleratedHearingMinWorkingDays} and not more than ${limits.acceleratedHearingMaxWorkingDays} working days after the referral on ${facts.statusSince} (reg 52(1))`,
    });
  }
  if (facts.status === 'decided') {
    deadlines.push({
      name: 'chair_outcome_report',
      dueOn: wd(facts.statusSince, limits.chairOutcomeReportWorkingDays),
      basis: `The chair's outcome report within ${plural(limits.chairOutcomeReportWorkingDays, 'working day')} of the proceedings ending on ${facts.statusSince} (reg 43(1))`,
    });
  }
  return deadlines
    .map((d) => ({ ...d, overdue: d.name !== 'lpb_report' && today > d.dueOn }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/**
 * The report to the local policing body while the investigation is open: null when none applies.
 * The n-th report date is counted from the day the matter came to attention, each from that day
 * (so 31 August stays the end of the month rather than drifting), and a report is due on the first
 * day on which the period has run in full.
 */
export function lpbReport(
  facts: Pick<CaseClockFacts, 'status' | 'cameToAttentionOn'>,
  today: string,
  limits: CaseTimeLimits = DEFAULT_CASE_TIME_LIMITS,
): LpbReport | null {
  if (!INVESTIGATION_OPEN.includes(facts.status)) return null;
  const reportOn = (n: number) =>
    runOn(facts.cameToAttentionOn, limits.lpbReportAfterMonths + n * limits.lpbReportEveryMonths);
  const firstDueOn = reportOn(0);
  let reportsDue = 0;
  while (reportOn(reportsDue) <= today) reportsDue++;
  return {
    due: reportsDue > 0,
    firstDueOn,
    lastDueOn: reportsDue > 0 ? reportOn(reportsDue - 1) : null,
    nextDueOn: reportOn(reportsDue),
    reportsDue,
  };
}

/**
 * The latest came-to-attention date of an investigation that needs the report today: the list's
 * filter in SQL is `status = 'investigating' AND came_to_attention_on <= cutoff`, exactly `lpbReport().due`.
 */
export function lpbReportCutoff(today: string, limits: CaseTimeLimits = DEFAULT_CASE_TIME_LIMITS): string {
  return iso(subMonths(parseISO(today), limits.lpbReportAfterMonths));
}

/**
 * The first day on which `months` months starting with `from` have run: the earliest t with
 * t - months >= from. That is the same day of the month `months` later, or, where that month is too
 * short for it (29 February + 12 months), the first day of the month after, since stepping the
 * clamped day back lands before `from`. Plain arithmetic: work lists count this for every open
 * investigation on the page.
 */
function runOn(from: string, months: number): string {
  const [year, month, day] = from.split('-').map(Number);
  const at = month - 1 + months;
  const targetYear = year + Math.floor(at / 12);
  const targetMonth = at % 12;
  const daysInMonth = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const run =
    day <= daysInMonth ? Date.UTC(targetYear, targetMonth, day) : Date.UTC(targetYear, targetMonth + 1, 1);
  return new Date(run).toISOString().slice(0, 10);
}

function iso(day: Date): string {
  return format(day, 'yyyy-MM-dd');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
