import { Env, WorkingDayCalendar } from '@precedent/platform';
import { checkAppealInTime } from '../appeals/appeal-period.rules';
import { warningExpiry } from '../outcomes/warning-period.rules';
import { HearingPeriods } from './hearing-periods';

describe('hearing periods from configuration', () => {
  it('takes the unverified periods from the environment and keeps the verified ones', () => {
    const env = Object.assign(new Env(), {
      HEARING_PUBLIC_NOTICE_WORKING_DAYS: 8,
      TRIBUNAL_APPEAL_WORKING_DAYS: 20,
      EXTENDED_FINAL_WARNING_MONTHS: 36,
      MISCONDUCT_MEETING_WORKING_DAYS: 25,
      OUTCOME_PUBLICATION_DAYS: 35,
    });
    const periods = new HearingPeriods(env);
    expect(periods.notice).toMatchObject({ publicNoticeLead: 8, officerResponse: 15 });
    expect(periods.timeLimits).toMatchObject({
      meetingHeldWithin: 25,
      outcomePublicationDays: 35,
      preHearingWithin: 15,
      chairReportWithin: 5,
    });
    expect(new HearingPeriods(new Env()).timeLimits).toMatchObject({
      meetingHeldWithin: 20,
      outcomePublicationDays: 28,
    });
    expect(periods.appeal).toMatchObject({ tribunalAppeal: 20, meetingAppeal: 7 });
    expect(
      warningExpiry(
        { outcome: 'final_written_warning', regime: 'pcr2020', notifiedOn: '2026-01-15', extended: true },
        periods.warning,
      ),
    ).toBe('2029-01-14');
    // 14 working days after the outcome: in time under 20, out of time under the default 10
    const calendar = new WorkingDayCalendar();
    expect(
      checkAppealInTime('misconduct_hearing', '2026-03-02', '2026-03-20', calendar, periods.appeal).inTime,
    ).toBe(true);
    expect(checkAppealInTime('misconduct_hearing', '2026-03-02', '2026-03-20', calendar).inTime).toBe(false);
  });
});
