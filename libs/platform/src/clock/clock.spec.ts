import { londonDate } from './clock';

describe('londonDate', () => {
  it('gives the date in England and Wales, an hour ahead of UTC in summer time', () => {
    expect(londonDate(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    // summer time ends at 01:00 UTC on the last Sunday of October
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });

  it('agrees with the time-zone database every 37 minutes through two years, asked twice', () => {
    const exact = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (let round = 0; round < 2; round++) {
      for (
        let at = Date.parse('2025-01-01T00:00:00Z');
        at < Date.parse('2027-01-01T00:00:00Z');
        at += 37 * 60_000
      ) {
        const instant = new Date(at);
        if (londonDate(instant) !== exact.format(instant))
          throw new Error(`${instant.toISOString()}: ${londonDate(instant)} != ${exact.format(instant)}`);
      }
    }
  });
});
