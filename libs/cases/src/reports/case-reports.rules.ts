import {
  DEADLINE_NAMES,
  type CaseTimeLimits,
  type Deadline,
  type DeadlineName,
  type LpbReport,
} from '../cases/case-deadlines.rules';

/** Cases received in one calendar month (YYYY-MM), as counted in SQL. */
export interface MonthCount {
  month: string;
  cases: number;
}

export type Granularity = 'month' | 'quarter' | 'year';

export interface TimeBucket {
  /** 2026-03, 2026 Q1 or 2026. */
  label: string;
  /** First month of the bucket (YYYY-MM). */
  from: string;
  cases: number;
}

/** Up to this many months the chart shows months; up to MAX_QUARTERS quarters; longer, years. */
export const MAX_MONTHS = 24;
export const MAX_QUARTERS = 24;

/**
 * The buckets for "cases received over time": every month from the first case up to this month,
 * gaps filled with zero so a quiet month shows as one (for a chosen period, from its first month to
 * its last, the caller passing its last month as `thisMonth`). When the data spans longer than 24 months,
 * whole quarters (up to 6 years) or years instead, so the chart stays readable and still covers
 * everything.
 */
export function timeBuckets(
  counts: readonly MonthCount[],
  thisMonth: string,
  periodFirstMonth?: string,
): {
  granularity: Granularity;
  buckets: TimeBucket[];
} {
  const first = periodFirstMonth ?? counts.reduce((min, c) => (c.month < min ? c.month : min), thisMonth);
  const span = monthIndex(thisMonth) - monthIndex(first) + 1;
  const granularity: Granularity =
    span <= MAX_MONTHS ? 'month' : span <= MAX_QUARTERS * 3 ? 'quarter' : 'year';
  const size = granularity === 'month' ? 1 : granularity === 'quarter' ? 3 : 12;
  const start = Math.floor(monthIndex(first) / size) * size;
  const buckets: TimeBucket[] = [];
  for (let at = start; at <= monthIndex(thisMonth); at += size) {
    buckets.push({ label: bucketLabel(at, granularity), from: monthOf(at), cases: 0 });
  }
  for (const count of counts) {
    const bucket = buckets[Math.floor((monthIndex(count.month) - start) / size)];
    if (bucket) bucket.cases += count.cases;
  }
  return { granularity, buckets };
}

export interface FeatureCount {
  code: string;
  cases: number;
  /** Share of the cases with any such record (a case can count under several codes). */
  percent: number;
}

/**
 * Every code of an enumeration in its own order with its count, zero where no case has it, so the
 * chart and the CSV always have the same rows; codes not in the enumeration (older data) follow.
 */
export function featureCounts(
  rows: readonly { code: string; cases: number }[],
  codes: readonly string[],
  base: number,
): FeatureCount[] {
  const byCode = new Map(rows.map((row) => [row.code, row.cases]));
  const extra = rows.map((row) => row.code).filter((code) => !codes.includes(code));
  return [...codes, ...extra].map((code) => {
    const cases = byCode.get(code) ?? 0;
    return { code, cases, percent: percentOf(cases, base) };
  });
}

/** A whole-number percentage, 0 when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export const TIMELINESS_STATES = ['within_time', 'due_soon', 'overdue'] as const;
export type TimelinessState = (typeof TIMELINESS_STATES)[number];

export interface TimelinessRow {
  name: DeadlineName;
  within_time: number;
  due_soon: number;
  overdue: number;
  total: number;
}

/**
 * Where one time limit stands today: overdue once its last day has passed, due soon when its last
 * day falls on or before `soonUntil` (the page's look-ahead), otherwise within time. The report to
 * the local policing body recurs and Precedent does not record when one was made, so it is counted
 * against the next report date: it is never overdue here, only due soon or within time.
 */
export function timelinessState(
  deadline: Deadline,
  lpb: LpbReport | null,
  today: string,
  soonUntil: string,
): TimelinessState {
  const dueOn = deadline.name === 'lpb_report' && lpb ? lpb.nextDueOn : deadline.dueOn;
  if (deadline.name !== 'lpb_report' && dueOn < today) return 'overdue';
  return dueOn <= soonUntil ? 'due_soon' : 'within_time';
}

/**
 * The open cases under each time limit by where they stand, from groups of cases that share the
 * same dates (the SQL groups them, so this runs once per distinct set of dates, not per case).
 */
export function timelinessRows(
  groups: readonly { deadlines: readonly Deadline[]; lpb: LpbReport | null; cases: number }[],
  today: string,
  soonUntil: string,
): TimelinessRow[] {
  const rows = new Map<DeadlineName, TimelinessRow>(
    DEADLINE_NAMES.map((name) => [name, { name, within_time: 0, due_soon: 0, overdue: 0, total: 0 }]),
  );
  for (const group of groups) {
    for (const deadline of group.deadlines) {
      const row = rows.get(deadline.name)!;
      row[timelinessState(deadline, group.lpb, today, soonUntil)] += group.cases;
      row.total += group.cases;
    }
  }
  return [...rows.values()];
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function bucketLabel(index: number, granularity: Granularity): string {
  const year = Math.floor(index / 12);
  if (granularity === 'year') return String(year);
  if (granularity === 'quarter') return `${year} Q${Math.floor((index % 12) / 3) + 1}`;
  return monthOf(index);
}

/** A report's period: whole years, as the dates SQL compares with (inclusive). */
export interface ReportPeriod {
  /** False when the person gave only the last year: the report then starts where the data does. */
  fromChosen: boolean;
  fromYear: string;
  toYear: string;
  from: string;
  to: string;
}

export type PeriodReading =
  | { ok: true; period: ReportPeriod | null }
  | { ok: false; problems: { field: 'from' | 'to'; message: string }[] };

/**
 * The years a person asked a report to cover, from a GET form: both empty is everything; one empty
 * runs from the first year there can be (1990) or to this year. Errors name the field and say what to do.
 */
export function readPeriod(fromYear: string, toYear: string, thisYear: number): PeriodReading {
  const from = fromYear.trim();
  const to = toYear.trim();
  if (from === '' && to === '') return { ok: true, period: null };
  const problems: { field: 'from' | 'to'; message: string }[] = [];
  const year = (value: string, field: 'from' | 'to', name: string) => {
    if (value === '') return field === 'from' ? FIRST_REPORT_YEAR : thisYear;
    const n = Number(value);
    if (!/^\d{4}$/.test(value) || n < FIRST_REPORT_YEAR || n > thisYear) {
      problems.push({
        field,
        message: `Enter the ${name} as a year from ${FIRST_REPORT_YEAR} to ${thisYear}, like 2024`,
      });
      return null;
    }
    return n;
  };
  const first = year(from, 'from', 'first year');
  const last = year(to, 'to', 'last year');
  if (first !== null && last !== null && first > last)
    problems.push({ field: 'to', message: 'The last year must be the same as or after the first year' });
  if (problems.length || first === null || last === null) return { ok: false, problems };
  return {
    ok: true,
    period: {
      fromChosen: from !== '',
      fromYear: String(first),
      toYear: String(last),
      from: `${first}-01-01`,
      to: `${last}-12-31`,
    },
  };
}

/** The earliest year a report can be asked for: before any case a force would still hold. */
export const FIRST_REPORT_YEAR = 1990;

/**
 * The day before which every working-day time limit counted from a date has passed by today: N
 * working days never span more than 2N + 14 calendar days (weekends, and at most four days off in a
 * row at Christmas), so from a day earlier than this one every such limit is overdue. SQL clamps
 * older dates to it, so the cases fall into a few dozen groups of dates, not one a day for years,
 * and the count is the same.
 */
export function groupingFloor(today: string, limits: CaseTimeLimits): string {
  const longest = Math.max(
    limits.iopcReferralWorkingDays,
    limits.rprpOfficerAccountWorkingDays,
    limits.misconductMeetingWorkingDays,
    limits.acceleratedHearingMaxWorkingDays,
    limits.chairOutcomeReportWorkingDays,
  );
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - (2 * longest + 15));
  return day.toISOString().slice(0, 10);
}
