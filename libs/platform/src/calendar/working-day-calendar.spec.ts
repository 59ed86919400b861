import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar();

describe('England and Wales working days', () => {
  it('knows the bank holidays, one-off days included', () => {
    expect(calendar.bankHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
    expect(calendar.isBankHoliday('2022-09-19')).toBe(true); // the late Queen's funeral
    expect(calendar.isBankHoliday('2023-05-08')).toBe(true); // the coronation
    expect(calendar.isBankHoliday('2020-05-08')).toBe(true); // early May moved for VE day
    expect(calendar.isBankHoliday('2020-05-04')).toBe(false);
  });

  it('counts across Christmas and New Year', () => {
    // Wed 23 Dec 2026: Thu 24 is day 1; 25, 26, 27 (Sun) and 28 (substitute) do not count
    expect(calendar.addWorkingDays('2026-12-23', 1)).toBe('2026-12-24');
    expect(calendar.addWorkingDays('2026-12-23', 2)).toBe('2026-12-29');
    expect(calendar.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
  });

  it('counts across Easter', () => {
    // Thu 2 Apr 2026: Good Friday 3rd and Easter Monday 6th are not working days
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-02', 15)).toBe('2026-04-27');
  });

  it('counts across the late May bank holiday', () => {
    expect(calendar.addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
    expect(calendar.workingDaysBetween('2026-05-22', '2026-05-29')).toBe(4);
  });

  it('never counts the starting day and skips weekends', () => {
    expect(calendar.addWorkingDays('2026-11-20', 0)).toBe('2026-11-20');
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(calendar.onOrAfter('2026-11-21')).toBe('2026-11-23');
    expect(calendar.onOrAfter('2026-11-24')).toBe('2026-11-24');
  });

  it('accepts a bank holiday announced before the data has it', () => {
    const withExtra = new WorkingDayCalendar(['2027-06-07']);
    expect(withExtra.isWorkingDay('2027-06-07')).toBe(false);
    expect(calendar.isWorkingDay('2027-06-07')).toBe(true);
  });

  it('refuses a negative count', () => {
    expect(() => calendar.addWorkingDays('2026-01-05', -1)).toThrow(RangeError);
  });
});
