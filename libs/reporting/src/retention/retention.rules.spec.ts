import { isPastRetention, retentionCutoff } from './retention.rules';

describe('retention of anonymous reports', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('cuts off the given number of days before now', () => {
    expect(retentionCutoff(now, 90).toISOString()).toBe('2026-08-27T12:00:00.000Z');
  });

  it('deletes a report with no case once its last activity is older than the period', () => {
    expect(isPastRetention({ caseId: null, lastActivityAt: new Date('2026-08-27T11:00:00Z') }, now, 90)).toBe(
      true,
    );
    expect(isPastRetention({ caseId: null, lastActivityAt: new Date('2026-08-27T12:00:00Z') }, now, 90)).toBe(
      false,
    );
  });

  it('never deletes a report linked to a case', () => {
    expect(isPastRetention({ caseId: 'c', lastActivityAt: new Date('2020-01-01T00:00:00Z') }, now, 1)).toBe(
      false,
    );
  });
});
