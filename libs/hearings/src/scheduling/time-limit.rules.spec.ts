import { WorkingDayCalendar } from '@precedent/platform';
import {
  chairReportDue,
  checkMeetingHeldWithin,
  checkOfficerAlternative,
  checkPreHearingDate,
  DEFAULT_TIME_LIMITS,
  outcomePublicationPeriod,
} from './time-limit.rules';

const calendar = new WorkingDayCalendar();
const REASON = 'The chair is sitting on a long trial until mid January.';

describe('reg 33: the pre-hearing', () => {
  // documents to the chair on Fri 11 Dec 2026: 14-18 (5), 21-24 (9), 29-31 (12), 4-6 Jan (15);
  // 25 and 28 Dec and 1 Jan 2027 are bank holidays
  const base = { documentsToChairOn: '2026-12-11', today: '2026-12-11' };

  it('takes the 15th working day across Christmas and refuses the next one, giving the latest lawful date', () => {
    expect(checkPreHearingDate({ ...base, proposed: '2027-01-06' }, calendar)).toEqual({
      lawful: true,
      extended: false,
    });
    const refused = checkPreHearingDate({ ...base, proposed: '2027-01-07' }, calendar);
    expect(refused).toMatchObject({
      lawful: false,
      rule: 'reg_33_pre_hearing',
      latestLawfulDate: '2027-01-06',
    });
    expect(refused.lawful === false && refused.message).toMatch(
      /reg 33\(1\)\(a\).*2027-01-06.*extensionReason/,
    );
  });

  it('allows a later date only with a recorded reason', () => {
    expect(
      checkPreHearingDate({ ...base, proposed: '2027-01-20', extensionReason: REASON }, calendar),
    ).toEqual({
      lawful: true,
      extended: true,
    });
    expect(
      checkPreHearingDate({ ...base, proposed: '2027-01-20', extensionReason: ' short ' }, calendar),
    ).toMatchObject({
      lawful: false,
    });
  });

  it('refuses a bank holiday or weekend, and a date before the documents or in the past', () => {
    expect(checkPreHearingDate({ ...base, proposed: '2026-12-28' }, calendar)).toMatchObject({
      lawful: false,
      rule: 'working_day',
      earliestLawfulDate: '2026-12-29',
      latestLawfulDate: '2027-01-06',
    });
    expect(checkPreHearingDate({ ...base, proposed: '2026-12-19' }, calendar)).toMatchObject({
      rule: 'working_day',
    });
    expect(checkPreHearingDate({ ...base, proposed: '2026-12-11' }, calendar)).toMatchObject({
      rule: 'reg_33_pre_hearing',
      earliestLawfulDate: '2026-12-14',
    });
    expect(
      checkPreHearingDate({ ...base, today: '2026-12-16', proposed: '2026-12-15' }, calendar),
    ).toMatchObject({
      rule: 'date_in_past',
      earliestLawfulDate: '2026-12-16',
    });
  });

  it('holds the pre-hearing before the hearing', () => {
    expect(
      checkPreHearingDate({ ...base, proposed: '2026-12-22', hearingDate: '2026-12-22' }, calendar),
    ).toMatchObject({
      lawful: false,
      rule: 'reg_33_pre_hearing',
    });
    expect(
      checkPreHearingDate({ ...base, proposed: '2026-12-21', hearingDate: '2026-12-22' }, calendar),
    ).toEqual({
      lawful: true,
      extended: false,
    });
  });
});

describe("reg 33(3) and reg 34: the officer's alternative date", () => {
  it('takes up to the 5th working day after the chair date across Christmas, and refuses later with the last lawful date', () => {
    // chair's date Tue 22 Dec 2026: 23, 24, 29, 30, 31 Dec
    const input = { chairDate: '2026-12-22', today: '2026-12-14', regulation: 'reg 33(3)' as const };
    expect(checkOfficerAlternative({ ...input, proposed: '2026-12-31' }, calendar)).toEqual({
      lawful: true,
      extended: false,
    });
    const late = checkOfficerAlternative({ ...input, proposed: '2027-01-04' }, calendar);
    expect(late).toMatchObject({
      lawful: false,
      rule: 'reg_33_alternative_date',
      latestLawfulDate: '2026-12-31',
    });
    expect(late.lawful === false && late.message).toMatch(/reg 33\(3\).*2026-12-31/);
    expect(checkOfficerAlternative({ ...input, proposed: '2026-12-22' }, calendar)).toMatchObject({
      lawful: false,
    });
    expect(checkOfficerAlternative({ ...input, proposed: '2026-12-28' }, calendar)).toMatchObject({
      rule: 'working_day',
    });
    expect(
      checkOfficerAlternative({ ...input, regulation: 'reg 34', proposed: '2027-01-05' }, calendar),
    ).toMatchObject({ rule: 'reg_34_alternative_date' });
  });
});

describe('reg 34: the misconduct meeting time limit', () => {
  it('counts 20 working days over Easter and needs the interests of justice for later', () => {
    // notice Fri 20 Mar 2026: Good Friday 3 Apr and Easter Monday 6 Apr skipped: 20th WD is Tue 21 Apr
    const input = { noticeGivenOn: '2026-03-20' };
    expect(checkMeetingHeldWithin({ ...input, proposed: '2026-04-21' }, calendar)).toEqual({
      lawful: true,
      extended: false,
    });
    expect(checkMeetingHeldWithin({ ...input, proposed: '2026-04-22' }, calendar)).toMatchObject({
      lawful: false,
      rule: 'reg_34_meeting_time_limit',
      latestLawfulDate: '2026-04-21',
    });
    expect(
      checkMeetingHeldWithin({ ...input, proposed: '2026-04-22', extensionReason: REASON }, calendar),
    ).toEqual({
      lawful: true,
      extended: true,
    });
  });

  it('uses the configured number of days', () => {
    expect(
      checkMeetingHeldWithin({ noticeGivenOn: '2026-03-20', proposed: '2026-04-22' }, calendar, {
        ...DEFAULT_TIME_LIMITS,
        meetingHeldWithin: 25,
      }),
    ).toEqual({ lawful: true, extended: false });
  });
});

describe("reg 43: the chair's report and its publication", () => {
  it('gives the chair 5 working days from the first working day after the proceedings end, across Christmas', () => {
    // ends Wed 23 Dec 2026: 24, 29, 30, 31 Dec, 4 Jan
    expect(chairReportDue('2026-12-23', calendar)).toBe('2027-01-04');
    // ends Fri 22 May 2026: the late May bank holiday (25 May) is skipped: 26-29 May, 1 Jun
    expect(chairReportDue('2026-05-22', calendar)).toBe('2026-06-01');
  });

  it('keeps the outcome report published for not less than 28 days, coming down on a working day', () => {
    expect(outcomePublicationPeriod('2027-01-05', calendar)).toEqual({
      publishOn: '2027-01-05',
      removeOn: '2027-02-02',
    });
    // published on Sat 26 Dec 2026 moves to Tue 29 Dec; 28 days later is Tue 26 Jan 2027
    expect(outcomePublicationPeriod('2026-12-26', calendar)).toEqual({
      publishOn: '2026-12-29',
      removeOn: '2027-01-26',
    });
    // 28 days after Mon 27 Apr 2026 is the late May bank holiday: the removal waits for Tue 26 May
    expect(outcomePublicationPeriod('2026-04-27', calendar).removeOn).toBe('2026-05-26');
    // published on Sat 2 May moves past the early May bank holiday (4 May) to Tue 5 May
    expect(outcomePublicationPeriod('2026-05-02', calendar)).toEqual({
      publishOn: '2026-05-05',
      removeOn: '2026-06-02',
    });
    expect(
      outcomePublicationPeriod('2027-01-05', calendar, { ...DEFAULT_TIME_LIMITS, outcomePublicationDays: 35 })
        .removeOn,
    ).toBe('2027-02-09');
  });
});
