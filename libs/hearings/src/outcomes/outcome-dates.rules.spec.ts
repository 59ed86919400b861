import { outcomeDateProblems, recordingOpen } from './outcome-dates.rules';

describe('outcome dates', () => {
  describe('recording opens on the hearing day', () => {
    it('is closed the day before the hearing', () => {
      expect(recordingOpen('2026-12-10', '2026-12-09')).toBe(false);
    });
    it('is open on the day of the hearing and after', () => {
      expect(recordingOpen('2026-12-10', '2026-12-10')).toBe(true);
      expect(recordingOpen('2026-12-10', '2026-12-11')).toBe(true);
    });
  });

  it('before the hearing, says when recording opens instead of refusing each date', () => {
    expect(
      outcomeDateProblems({ hearingOn: '2026-12-10', today: '2026-12-03', notifiedOn: '2026-12-03' }),
    ).toEqual([
      {
        field: 'decidedOn',
        message: 'Findings and an outcome can be recorded from the day of the hearing, 2026-12-10.',
      },
    ]);
  });

  it('accepts a decision on the hearing day, notified the same day', () => {
    expect(
      outcomeDateProblems({ hearingOn: '2026-12-03', today: '2026-12-03', notifiedOn: '2026-12-03' }),
    ).toEqual([]);
  });

  it('accepts a decision between the hearing and today, notified after it', () => {
    expect(
      outcomeDateProblems({
        hearingOn: '2026-11-20',
        today: '2026-12-03',
        decidedOn: '2026-11-21',
        notifiedOn: '2026-11-24',
      }),
    ).toEqual([]);
  });

  it('takes today as the decision day when none is given', () => {
    expect(
      outcomeDateProblems({ hearingOn: '2026-11-20', today: '2026-12-03', notifiedOn: '2026-12-02' }),
    ).toEqual([
      {
        field: 'notifiedOn',
        message: 'The officer cannot be notified before the decision: enter 2026-12-03 or later.',
      },
    ]);
  });

  it('refuses a decision before the hearing', () => {
    expect(
      outcomeDateProblems({
        hearingOn: '2026-11-20',
        today: '2026-12-03',
        decidedOn: '2026-11-19',
        notifiedOn: '2026-11-20',
      }),
    ).toEqual([
      {
        field: 'decidedOn',
        message: 'The decision cannot be before the hearing on 2026-11-20: enter 2026-11-20 or later.',
      },
    ]);
  });

  it('refuses a decision or a notification in the future', () => {
    expect(
      outcomeDateProblems({
        hearingOn: '2026-11-20',
        today: '2026-12-03',
        decidedOn: '2026-12-04',
        notifiedOn: '2026-12-05',
      }),
    ).toEqual([
      { field: 'decidedOn', message: 'The decision cannot be in the future: enter 2026-12-03 or earlier.' },
      {
        field: 'notifiedOn',
        message: 'The officer cannot have been notified in the future: enter 2026-12-03 or earlier.',
      },
    ]);
  });
});
