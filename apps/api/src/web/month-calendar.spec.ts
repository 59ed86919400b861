import { WorkingDayCalendar } from '@precedent/platform';
import { calendarMonth, monthOf } from './month-calendar';

describe('the hearings calendar month', () => {
  const calendar = new WorkingDayCalendar();
  const bankHoliday = (date: string) => calendar.isBankHoliday(date);

  it('lays December 2026 out Monday first, padding before the 1st (a Tuesday) and after the 31st', () => {
    const december = calendarMonth('2026-12', bankHoliday);
    expect(december.label).toBe('December 2026');
    expect(december.first).toBe('2026-12-01');
    expect(december.last).toBe('2026-12-31');
    expect(december.previous).toBe('2026-11');
    expect(december.next).toBe('2027-01');
    expect(december.weeks).toHaveLength(5);
    expect(december.weeks[0][0]).toBeNull();
    expect(december.weeks[0][1]?.date).toBe('2026-12-01');
    expect(december.weeks[4].slice(4)).toEqual([null, null, null]);
    expect(december.weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('marks Christmas, its substitute Boxing Day and weekends as not working days', () => {
    const days = calendarMonth('2026-12', bankHoliday)
      .weeks.flat()
      .filter((day) => day !== null);
    const byDate = new Map(days.map((day) => [day.date, day]));
    expect(byDate.get('2026-12-25')).toMatchObject({
      bankHoliday: true,
      weekend: false,
      label: 'Friday 25 December',
    });
    // Boxing Day 2026 is a Saturday; the bank holiday moves to Monday 28th
    expect(byDate.get('2026-12-26')).toMatchObject({ weekend: true });
    expect(byDate.get('2026-12-28')).toMatchObject({ bankHoliday: true, weekend: false });
    expect(byDate.get('2026-12-29')).toMatchObject({ bankHoliday: false, weekend: false });
  });

  it('rolls the year over for the previous and next months', () => {
    expect(calendarMonth('2027-01', bankHoliday).previous).toBe('2026-12');
    expect(calendarMonth('2026-12', bankHoliday).next).toBe('2027-01');
  });

  it("takes a well-formed month and otherwise today's", () => {
    expect(monthOf('2027-05', '2026-12-01')).toBe('2027-05');
    expect(monthOf(undefined, '2026-12-01')).toBe('2026-12');
    expect(monthOf('2027-13', '2026-12-01')).toBe('2026-12');
    expect(monthOf('1999-01', '2026-12-01')).toBe('2026-12');
    expect(monthOf('2027-5', '2026-12-01')).toBe('2026-12');
  });
});
