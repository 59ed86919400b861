import { addDays, addMonths, format, parseISO, subMonths } from 'date-fns';
import { WorkingDayCalendar } from '@precedent/platform';
import { CASE_STATUSES } from './case-lifecycle.rules';
import {
  caseDeadlines,
  STATUSES_WITH_TIME_LIMITS,
  CaseClockFacts,
  DEFAULT_CASE_TIME_LIMITS,
  lpbReport,
  lpbReportCutoff,
} from './case-deadlines.rules';

const calendar = new WorkingDayCalendar();
const base: CaseClockFacts = {
  status: 'received',
  cameToAttentionOn: '2026-03-02',
  statusSince: '2026-03-02',
  iopcCriteriaMetOn: null,
  iopcReferralDecided: false,
};

describe('case time limits', () => {
  it('gives an IOPC referral due by the end of the next working day, skipping a weekend and a bank holiday', () => {
    // Thursday 2 April 2026; Good Friday 3 April and Easter Monday 6 April are bank holidays
    const [deadline] = caseDeadlines({ ...base, iopcCriteriaMetOn: '2026-04-02' }, '2026-04-02', calendar);
    expect(deadline).toMatchObject({ name: 'iopc_referral', dueOn: '2026-04-07', overdue: false });
    expect(deadline.basis).toContain('2026-04-02');
  });

  it('drops the IOPC referral deadline once the decision is recorded, and marks it overdue when missed', () => {
    const facts = { ...base, iopcCriteriaMetOn: '2026-03-02' };
    expect(caseDeadlines({ ...facts, iopcReferralDecided: true }, '2026-03-10', calendar)).toEqual([]);
    expect(caseDeadlines(facts, '2026-03-10', calendar)[0]).toMatchObject({
      dueOn: '2026-03-03',
      overdue: true,
    });
  });

  it('takes its unverified values from configuration', () => {
    const [deadline] = caseDeadlines(
      { ...base, status: 'referred_to_meeting', statusSince: '2026-03-02' },
      '2026-03-02',
      calendar,
      { ...DEFAULT_CASE_TIME_LIMITS, misconductMeetingWorkingDays: 10 },
    );
    expect(deadline).toMatchObject({ name: 'misconduct_meeting', dueOn: '2026-03-16' });
    expect(deadline.basis).toContain('10 working days');
  });

  it('gives each status its own time limit, counted in working days', () => {
    const at = (status: CaseClockFacts['status']) =>
      caseDeadlines({ ...base, status, statusSince: '2026-12-23' }, '2026-12-23', calendar);
    // 25, 26 (Saturday; substitute Monday 28) December 2026 are bank holidays
    expect(at('reflective_practice')).toMatchObject([{ name: 'rprp_officer_account', dueOn: '2027-01-04' }]);
    expect(at('decided')).toMatchObject([{ name: 'chair_outcome_report', dueOn: '2027-01-04' }]);
    expect(at('referred_to_accelerated_hearing')).toMatchObject([
      { name: 'accelerated_hearing', earliestOn: '2027-01-11', dueOn: '2027-01-18' },
    ]);
    expect(at('received')).toEqual([]);
    expect(at('closed')).toEqual([]);
  });

  it('gives the same report dates as stepping months with date-fns, for every start day over four years', () => {
    const iso = (day: Date) => format(day, 'yyyy-MM-dd');
    // the definition: the earliest t with t - months >= from
    const runOn = (from: string, months: number) => {
      const candidate = addMonths(parseISO(from), months);
      return iso(subMonths(candidate, months) < parseISO(from) ? addDays(candidate, 1) : candidate);
    };
    for (let day = parseISO('2023-01-01'); iso(day) < '2027-01-01'; day = addDays(day, 1)) {
      const from = iso(day);
      const report = lpbReport({ status: 'investigating', cameToAttentionOn: from }, '2030-01-01')!;
      expect([from, report.firstDueOn]).toEqual([from, runOn(from, 12)]);
      expect([from, report.lastDueOn]).toEqual([from, runOn(from, 12 + (report.reportsDue - 1) * 6)]);
    }
  });

  it('names exactly the statuses that carry a time limit without an IOPC referral', () => {
    for (const status of CASE_STATUSES) {
      const deadlines = caseDeadlines(
        { ...base, status, cameToAttentionOn: '2024-01-02', statusSince: '2026-03-02' },
        '2026-03-02',
        calendar,
      );
      expect([status, deadlines.length > 0]).toEqual([status, STATUSES_WITH_TIME_LIMITS.includes(status)]);
    }
  });

  it('flags an investigation open 12 months for the report to the local policing body, then every 6 months', () => {
    const investigating = { status: 'investigating' as const, cameToAttentionOn: '2025-03-10' };
    expect(lpbReport(investigating, '2026-03-09')).toEqual({
      due: false,
      firstDueOn: '2026-03-10',
      lastDueOn: null,
      nextDueOn: '2026-03-10',
      reportsDue: 0,
    });
    expect(lpbReport(investigating, '2026-03-10')).toMatchObject({
      due: true,
      lastDueOn: '2026-03-10',
      nextDueOn: '2026-09-10',
      reportsDue: 1,
    });
    expect(lpbReport(investigating, '2027-03-10')).toMatchObject({
      lastDueOn: '2027-03-10',
      nextDueOn: '2027-09-10',
      reportsDue: 3,
    });
    expect(lpbReport({ ...investigating, status: 'referred_to_hearing' }, '2027-03-10')).toBeNull();
    expect(
      caseDeadlines({ ...base, ...investigating, statusSince: '2025-04-01' }, '2026-10-01', calendar),
    ).toMatchObject([{ name: 'lpb_report', dueOn: '2026-09-10', overdue: false }]);
  });

  it('counts months from the day itself, so month ends and 29 February do not drift', () => {
    const from = (cameToAttentionOn: string, today: string) =>
      lpbReport({ status: 'investigating', cameToAttentionOn }, today);
    // 31 August + 18 months: 28 February has not run the full period, 1 March has
    expect(from('2024-08-31', '2026-02-28')).toMatchObject({
      lastDueOn: '2025-08-31',
      nextDueOn: '2026-03-01',
    });
    expect(from('2024-02-29', '2025-02-28')).toMatchObject({ due: false, firstDueOn: '2025-03-01' });
  });

  it('agrees with the SQL cutoff the list filter uses, day by day', () => {
    for (const cameToAttentionOn of ['2024-02-29', '2024-08-31', '2025-01-31', '2025-06-15']) {
      for (let day = 0; day < 800; day += 1) {
        const today = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
        const due = lpbReport({ status: 'investigating', cameToAttentionOn }, today)!.due;
        expect([cameToAttentionOn, today, cameToAttentionOn <= lpbReportCutoff(today)]).toEqual([
          cameToAttentionOn,
          today,
          due,
        ]);
      }
    }
  });
});
