import { postedAtInput, postedAtParts, postedAtText } from './posted-at';

const boxes = (day: string, month: string, year: string, time = '') => ({
  'postedAt-day': day,
  'postedAt-month': month,
  'postedAt-year': year,
  'postedAt-time': time,
});

describe('when a post was made, as the conduct form asks it', () => {
  it('reads a date alone as the date, and nothing at all as not given', () => {
    expect(postedAtInput(boxes('3', '10', '2026'))).toBe('2026-10-03');
    expect(postedAtInput(boxes('', '', ''))).toBeUndefined();
  });

  it('reads a UK time into UTC, in summer time and out of it', () => {
    expect(postedAtInput(boxes('3', '10', '2026', '21:14'))).toBe('2026-10-03T20:14:00.000Z');
    expect(postedAtInput(boxes('3', '12', '2026', '9.05'))).toBe('2026-12-03T09:05:00.000Z');
  });

  it('passes on what is not a real date or time, for the form to refuse in words', () => {
    expect(postedAtInput(boxes('31', '2', '2026'))).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(postedAtInput(boxes('3', '12', '2026', '25:00'))).toBe('2026-12-03 25:00');
    expect(postedAtInput(boxes('03/12/2026', '', ''))).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('fills the boxes again from a recorded time, and shows it in UK time', () => {
    const at = new Date('2026-10-03T20:14:00Z');
    expect(postedAtParts(at)).toEqual(boxes('3', '10', '2026', '21:14'));
    expect(postedAtParts(new Date('2026-10-03T00:00:00Z'))['postedAt-time']).toBe('');
    expect(postedAtText(at)).toBe('2026-10-03 21:14 (UK time)');
    expect(postedAtText(new Date('2026-10-03T00:00:00Z'))).toBe('2026-10-03');
  });
});
