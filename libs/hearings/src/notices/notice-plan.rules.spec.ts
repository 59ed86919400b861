import { WorkingDayCalendar } from '@precedent/platform';
import {
  checkDateToFix,
  fixedDateNotices,
  outcomeNotices,
  referralNotices,
  workingDaysBefore,
} from './notice-plan.rules';
import { DEFAULT_TIME_LIMITS } from '../scheduling/time-limit.rules';

const calendar = new WorkingDayCalendar();
const due = (notices: { kind: string; dueOn: string }[]) =>
  Object.fromEntries(notices.map((n) => [n.kind, n.dueOn]));

describe('notice plan', () => {
  it('counts the officer response across Christmas and New Year', () => {
    // documents supplied Friday 18 Dec 2026; 25 and 28 Dec and 1 Jan are bank holidays
    expect(due(referralNotices('2026-12-18', '2026-12-18', calendar))).toEqual({
      officer_notice: '2026-12-18',
      officer_response_due: '2027-01-13',
    });
  });

  it('publishes a hearing notice 5 working days before, across New Year, and removes it after', () => {
    expect(due(fixedDateNotices('misconduct_hearing', '2027-01-06', '2026-12-01', calendar))).toEqual({
      hearing_date_to_officer: '2026-12-01',
      public_notice: '2026-12-29',
      public_notice_removal: '2027-01-07',
      panel_reminder: '2026-12-29',
    });
  });

  it('skips Good Friday and Easter Monday counting back', () => {
    expect(
      due(fixedDateNotices('misconduct_hearing', '2027-04-01', '2027-03-01', calendar)).public_notice,
    ).toBe('2027-03-23');
  });

  it('skips the late May bank holiday counting back and forward', () => {
    const notices = due(fixedDateNotices('misconduct_hearing', '2027-05-28', '2027-05-03', calendar));
    expect(notices.public_notice).toBe('2027-05-21');
    expect(notices.public_notice_removal).toBe('2027-06-01');
    expect(workingDaysBefore('2027-06-03', 5, calendar)).toBe('2027-05-26');
  });

  it('gives a private meeting no public notice, and an accelerated hearing one at once', () => {
    expect(
      Object.keys(due(fixedDateNotices('misconduct_meeting', '2027-01-06', '2026-12-01', calendar))),
    ).toEqual(['hearing_date_to_officer', 'panel_reminder']);
    expect(
      due(fixedDateNotices('accelerated_hearing', '2027-01-06', '2026-12-26', calendar)).public_notice,
    ).toBe('2026-12-29');
  });

  it('does not send a reminder for a day already passed', () => {
    expect(
      due(fixedDateNotices('misconduct_meeting', '2027-01-06', '2027-01-04', calendar)).panel_reminder,
    ).toBe('2027-01-04');
  });
});

describe('a date that can be fixed today', () => {
  const base = { forum: 'misconduct_hearing' as const, noticeServedOn: '2026-11-20', today: '2026-12-22' };

  it('is refused when the public notice could no longer go out 5 working days before', () => {
    expect(checkDateToFix({ ...base, proposed: '2026-12-30' }, calendar)).toMatchObject({
      lawful: false,
      rule: 'public_notice_lead',
      earliestLawfulDate: '2026-12-31',
    });
  });

  it('is refused on a bank holiday, with an earliest date that is lawful and noticeable', () => {
    expect(checkDateToFix({ ...base, proposed: '2026-12-28' }, calendar)).toMatchObject({
      lawful: false,
      rule: 'working_day',
      earliestLawfulDate: '2026-12-31',
    });
  });

  it('is refused in the past and before the officer has had time to respond', () => {
    expect(checkDateToFix({ ...base, proposed: '2026-12-21' }, calendar)).toMatchObject({
      rule: 'date_in_past',
    });
    expect(
      checkDateToFix({ ...base, noticeServedOn: '2026-12-18', proposed: '2027-01-08' }, calendar),
    ).toMatchObject({ rule: 'officer_response_period', earliestLawfulDate: '2027-01-19' });
  });

  it('accepts a lawful date', () => {
    expect(checkDateToFix({ ...base, proposed: '2027-01-05' }, calendar)).toEqual({ lawful: true });
  });

  it('keeps an accelerated hearing inside its window across Easter', () => {
    const accelerated = {
      forum: 'accelerated_hearing' as const,
      noticeServedOn: '2027-03-19',
      today: '2027-03-19',
    };
    expect(checkDateToFix({ ...accelerated, proposed: '2027-04-14' }, calendar)).toMatchObject({
      rule: 'accelerated_window',
      earliestLawfulDate: '2027-04-06',
    });
    expect(checkDateToFix({ ...accelerated, proposed: '2027-04-13' }, calendar)).toEqual({ lawful: true });
  });
});

describe('reg 43: notices after the outcome', () => {
  const cal = new WorkingDayCalendar();

  it("plans the chair's report deadline across Christmas and the public outcome report for 28 days", () => {
    const notices = outcomeNotices('misconduct_hearing', '2026-12-23', '2026-12-23', cal);
    expect(notices.map((n) => [n.kind, n.dueOn])).toEqual([
      ['chair_report_due', '2027-01-04'],
      ['outcome_publication', '2027-01-05'],
      ['outcome_publication_removal', '2027-02-02'],
    ]);
    expect(notices[0].text).toMatch(/reg 43\(1\)/);
    expect(notices[1].text).toMatch(/not less than 28 days, reg 43\(7\)/);
  });

  it('publishes nothing for a private meeting, and counts a configured publication period', () => {
    expect(
      outcomeNotices('misconduct_meeting', '2026-05-22', '2026-05-22', cal).map((n) => [n.kind, n.dueOn]),
    ).toEqual([['chair_report_due', '2026-06-01']]);
    const longer = outcomeNotices('accelerated_hearing', '2026-05-22', '2026-05-22', cal, {
      ...DEFAULT_TIME_LIMITS,
      outcomePublicationDays: 35,
    });
    expect(longer.map((n) => n.dueOn)).toEqual(['2026-06-01', '2026-06-02', '2026-07-07']);
  });

  it('publishes from today when the outcome is recorded after the report deadline', () => {
    const late = outcomeNotices('misconduct_hearing', '2026-12-01', '2026-12-21', cal);
    expect(late.map((n) => n.dueOn)).toEqual(['2026-12-08', '2026-12-21', '2027-01-18']);
  });
});
