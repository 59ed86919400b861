import { WorkingDayCalendar } from '@precedent/platform';
import {
  caseDeadlines,
  DEFAULT_CASE_TIME_LIMITS,
  type Deadline,
  type LpbReport,
} from '../cases/case-deadlines.rules';
import {
  featureCounts,
  groupingFloor,
  percentOf,
  readPeriod,
  timeBuckets,
  timelinessRows,
  timelinessState,
} from './case-reports.rules';

const deadline = (name: Deadline['name'], dueOn: string): Deadline => ({
  name,
  dueOn,
  basis: '',
  overdue: false,
});

describe('case reports', () => {
  it('counts cases by month from the first case to this month, filling quiet months with zero', () => {
    const { granularity, buckets } = timeBuckets(
      [
        { month: '2026-01', cases: 3 },
        { month: '2026-03', cases: 2 },
      ],
      '2026-04',
    );
    expect(granularity).toBe('month');
    expect(buckets).toEqual([
      { label: '2026-01', from: '2026-01', cases: 3 },
      { label: '2026-02', from: '2026-02', cases: 0 },
      { label: '2026-03', from: '2026-03', cases: 2 },
      { label: '2026-04', from: '2026-04', cases: 0 },
    ]);
  });

  it('shows 24 months as months, and anything longer as whole quarters, then as years past 6 years', () => {
    expect(timeBuckets([{ month: '2024-05', cases: 1 }], '2026-04').granularity).toBe('month');
    const quarters = timeBuckets(
      [
        { month: '2024-04', cases: 1 },
        { month: '2024-06', cases: 2 },
        { month: '2026-04', cases: 5 },
      ],
      '2026-04',
    );
    expect(quarters.granularity).toBe('quarter');
    expect(quarters.buckets[0]).toEqual({ label: '2024 Q2', from: '2024-04', cases: 3 });
    expect(quarters.buckets.at(-1)).toEqual({ label: '2026 Q2', from: '2026-04', cases: 5 });
    expect(quarters.buckets).toHaveLength(9);
    const years = timeBuckets([{ month: '2019-12', cases: 4 }], '2026-04');
    expect(years.granularity).toBe('year');
    expect(years.buckets.map((b) => b.label)).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    expect(years.buckets[0].cases).toBe(4);
  });

  it('gives this month alone when there are no cases', () => {
    expect(timeBuckets([], '2026-04').buckets).toEqual([{ label: '2026-04', from: '2026-04', cases: 0 }]);
  });

  it('lists every code of the enumeration in order, zero where none, with unknown codes last', () => {
    expect(
      featureCounts(
        [
          { code: 'whatsapp', cases: 1 },
          { code: 'facebook', cases: 3 },
          { code: 'myspace', cases: 1 },
        ],
        ['facebook', 'twitter', 'whatsapp'],
        4,
      ),
    ).toEqual([
      { code: 'facebook', cases: 3, percent: 75 },
      { code: 'twitter', cases: 0, percent: 0 },
      { code: 'whatsapp', cases: 1, percent: 25 },
      { code: 'myspace', cases: 1, percent: 25 },
    ]);
    expect(percentOf(1, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
  });

  it('says a time limit is overdue after its last day, due soon up to the look-ahead, else within time', () => {
    const today = '2026-04-10';
    const soon = '2026-04-17';
    expect(timelinessState(deadline('misconduct_meeting', '2026-04-09'), null, today, soon)).toBe('overdue');
    expect(timelinessState(deadline('misconduct_meeting', '2026-04-10'), null, today, soon)).toBe('due_soon');
    expect(timelinessState(deadline('misconduct_meeting', '2026-04-17'), null, today, soon)).toBe('due_soon');
    expect(timelinessState(deadline('misconduct_meeting', '2026-04-18'), null, today, soon)).toBe(
      'within_time',
    );
  });

  it('counts the local policing body report against its next date, never as overdue', () => {
    const lpb = (nextDueOn: string): LpbReport => ({
      due: true,
      firstDueOn: '2025-01-01',
      lastDueOn: '2025-07-01',
      nextDueOn,
      reportsDue: 2,
    });
    const past = deadline('lpb_report', '2025-07-01');
    expect(timelinessState(past, lpb('2026-04-15'), '2026-04-10', '2026-04-17')).toBe('due_soon');
    expect(timelinessState(past, lpb('2026-07-01'), '2026-04-10', '2026-04-17')).toBe('within_time');
  });

  it('adds up groups of cases under each time limit, every limit listed', () => {
    const rows = timelinessRows(
      [
        { deadlines: [deadline('misconduct_meeting', '2026-04-01')], lpb: null, cases: 2 },
        { deadlines: [deadline('misconduct_meeting', '2026-05-01')], lpb: null, cases: 3 },
        {
          deadlines: [
            deadline('iopc_referral', '2026-04-11'),
            deadline('chair_outcome_report', '2026-04-09'),
          ],
          lpb: null,
          cases: 1,
        },
      ],
      '2026-04-10',
      '2026-04-17',
    );
    expect(rows.map((row) => row.name)).toEqual([
      'iopc_referral',
      'lpb_report',
      'rprp_officer_account',
      'misconduct_meeting',
      'accelerated_hearing',
      'chair_outcome_report',
    ]);
    expect(rows.find((row) => row.name === 'misconduct_meeting')).toEqual({
      name: 'misconduct_meeting',
      within_time: 3,
      due_soon: 0,
      overdue: 2,
      total: 5,
    });
    expect(rows.find((row) => row.name === 'iopc_referral')).toMatchObject({ due_soon: 1, total: 1 });
    expect(rows.find((row) => row.name === 'chair_outcome_report')).toMatchObject({ overdue: 1 });
  });
});

describe('report periods', () => {
  it('reads both years, one of them, or neither (everything)', () => {
    expect(readPeriod('', '', 2026)).toEqual({ ok: true, period: null });
    expect(readPeriod('2024', '2025', 2026)).toEqual({
      ok: true,
      period: { fromChosen: true, fromYear: '2024', toYear: '2025', from: '2024-01-01', to: '2025-12-31' },
    });
    expect(readPeriod(' 2025 ', '', 2026)).toMatchObject({
      ok: true,
      period: { from: '2025-01-01', to: '2026-12-31' },
    });
    expect(readPeriod('', '2020', 2026)).toMatchObject({
      ok: true,
      period: { from: '1990-01-01', to: '2020-12-31' },
    });
  });

  it('names the field and says what to enter when a year is wrong or the years are the wrong way round', () => {
    expect(readPeriod('24', '2027', 2026)).toEqual({
      ok: false,
      problems: [
        { field: 'from', message: 'Enter the first year as a year from 1990 to 2026, like 2024' },
        { field: 'to', message: 'Enter the last year as a year from 1990 to 2026, like 2024' },
      ],
    });
    expect(readPeriod('2025', '2024', 2026)).toEqual({
      ok: false,
      problems: [{ field: 'to', message: 'The last year must be the same as or after the first year' }],
    });
  });

  it('buckets a chosen period from its first month, whatever the data', () => {
    const { granularity, buckets } = timeBuckets([{ month: '2025-03', cases: 2 }], '2025-12', '2025-01');
    expect(granularity).toBe('month');
    expect(buckets).toHaveLength(12);
    expect(buckets[2]).toEqual({ label: '2025-03', from: '2025-03', cases: 2 });
  });
});

describe('grouping floor', () => {
  it('is a day from which every working-day limit has passed, over Christmas and Easter too', () => {
    const calendar = new WorkingDayCalendar();
    const limits = { ...DEFAULT_CASE_TIME_LIMITS, misconductMeetingWorkingDays: 20 };
    expect(groupingFloor('2027-01-20', limits)).toBe('2026-11-26');
    for (const today of ['2027-01-20', '2027-01-06', '2026-04-14', '2026-06-01', '2026-12-29']) {
      const floor = groupingFloor(today, limits);
      for (const status of [
        'reflective_practice',
        'referred_to_meeting',
        'referred_to_accelerated_hearing',
        'decided',
      ] as const) {
        const deadlines = caseDeadlines(
          {
            status,
            cameToAttentionOn: floor,
            statusSince: floor,
            iopcCriteriaMetOn: floor,
            iopcReferralDecided: false,
          },
          today,
          calendar,
          limits,
        );
        expect(deadlines.length).toBeGreaterThan(0);
        expect(deadlines.every((deadline) => deadline.overdue)).toBe(true);
      }
    }
  });
});
