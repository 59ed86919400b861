import { WorkingDayCalendar } from '@precedent/platform';
import { checkProposedDate, officerResponseDue, publicNoticeDueBy } from './notice-period.rules';

const calendar = new WorkingDayCalendar();

describe('notice periods in working days', () => {
  it('counts the officer response across Christmas', () => {
    // documents on Fri 18 Dec 2026: 21-24 Dec (4), 29-31 Dec (7), 4-8 Jan (12), 11-13 Jan (15);
    // 25 and 28 Dec and 1 Jan are bank holidays
    expect(officerResponseDue('2026-12-18', calendar)).toBe('2027-01-13');
  });

  it('refuses a hearing before the response and witness-list periods, naming the earliest lawful date', () => {
    const answer = checkProposedDate(
      { forum: 'misconduct_hearing', noticeServedOn: '2026-03-27', proposed: '2026-04-14' },
      calendar,
    );
    expect(answer).toMatchObject({ lawful: false, rule: 'officer_response_period' });
    // 19 working days after Fri 27 Mar 2026, skipping Good Friday and Easter Monday
    expect(answer.lawful === false && answer.earliestLawfulDate).toBe('2026-04-27');
    expect(
      checkProposedDate(
        { forum: 'misconduct_hearing', noticeServedOn: '2026-03-27', proposed: '2026-04-27' },
        calendar,
      ),
    ).toEqual({
      lawful: true,
    });
  });

  it('refuses a bank holiday and offers the next lawful working day', () => {
    const answer = checkProposedDate(
      { forum: 'misconduct_hearing', noticeServedOn: '2026-04-01', proposed: '2026-05-25' },
      calendar,
    );
    expect(answer).toMatchObject({ lawful: false, rule: 'working_day', earliestLawfulDate: '2026-05-26' });
  });

  it('keeps an accelerated hearing within 10 to 15 working days of its notice', () => {
    const served = '2026-05-20';
    expect(
      checkProposedDate(
        { forum: 'accelerated_hearing', noticeServedOn: served, proposed: '2026-06-02' },
        calendar,
      ),
    ).toMatchObject({
      lawful: false,
      rule: 'accelerated_window',
      earliestLawfulDate: '2026-06-04',
    });
    expect(
      checkProposedDate(
        { forum: 'accelerated_hearing', noticeServedOn: served, proposed: '2026-06-04' },
        calendar,
      ),
    ).toEqual({
      lawful: true,
    });
    expect(
      checkProposedDate(
        { forum: 'accelerated_hearing', noticeServedOn: served, proposed: '2026-06-12' },
        calendar,
      ),
    ).toMatchObject({
      lawful: false,
      rule: 'accelerated_window',
    });
  });

  it('publishes a public notice at least 5 working days before the hearing, across a bank holiday', () => {
    // hearing Tue 2 Jun 2026; Mon 25 May is a bank holiday
    expect(publicNoticeDueBy('2026-06-02', calendar)).toBe('2026-05-26');
    expect(publicNoticeDueBy('2026-05-29', calendar)).toBe('2026-05-21');
  });
});
