import { WorkingDayCalendar } from '@precedent/platform';
import { appealBody, appealDeadline, checkAppealInTime } from './appeal-period.rules';

const calendar = new WorkingDayCalendar();

describe('appeal time limits', () => {
  it('gives a tribunal appeal 10 working days, skipping Christmas and New Year', () => {
    // supplied Friday 18 Dec 2026: 25 Dec (Fri), 28 Dec (substitute Boxing Day) and 1 Jan are bank holidays
    expect(appealDeadline('misconduct_hearing', '2026-12-18', calendar)).toBe('2027-01-06');
  });

  it('gives a meeting appeal 7 working days, skipping Easter', () => {
    // supplied Wednesday 24 Mar 2027: Good Friday 26 Mar and Easter Monday 29 Mar 2027 are bank holidays
    expect(appealDeadline('misconduct_meeting', '2027-03-24', calendar)).toBe('2027-04-06');
  });

  it('refuses a late appeal with the rule and the last day', () => {
    const late = checkAppealInTime('accelerated_hearing', '2027-05-24', '2027-06-09', calendar);
    // late May bank holiday 31 May 2027: ten working days from 24 May end on 8 June
    expect(late).toMatchObject({ inTime: false, deadline: '2027-06-08', rule: 'tribunal_appeal_time_limit' });
    expect(checkAppealInTime('accelerated_hearing', '2027-05-24', '2027-06-08', calendar).inTime).toBe(true);
  });

  it('sends meetings to an internal appeal and hearings to the tribunal', () => {
    expect(appealBody('misconduct_meeting')).toBe('internal_appeal');
    expect(appealBody('accelerated_hearing')).toBe('police_appeals_tribunal');
  });
});
