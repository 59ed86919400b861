import { addDays, format, getISODay, parseISO } from 'date-fns';
import Holidays from 'date-holidays';

/**
 * Working days in England and Wales: Monday to Friday except bank holidays. Bank holidays come from
 * the maintained `date-holidays` data (GB-ENG, one-off days such as 19 September 2022 included) and
 * are refreshed by upgrading that package; a holiday announced before the package knows it can be
 * added with `extraBankHolidays`. Dates are calendar dates (YYYY-MM-DD) in Europe/London.
 */
export class WorkingDayCalendar {
  private readonly source = new Holidays('GB', 'ENG');
  private readonly byYear = new Map<number, Set<string>>();

  constructor(private readonly extraBankHolidays: readonly string[] = []) {}

  bankHolidays(year: number): string[] {
    return [...this.holidaysOf(year)].sort();
  }

  isBankHoliday(date: string): boolean {
    return this.holidaysOf(Number(date.slice(0, 4))).has(date);
  }

  isWorkingDay(date: string): boolean {
    return getISODay(parseISO(date)) <= 5 && !this.isBankHoliday(date);
  }

  /** The Nth working day after `from` (`from` itself never counts): "within N working days of". */
  addWorkingDays(from: string, n: number): string {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError('The number of working days must be a whole number, 0 or more');
    let day = parseISO(from);
    let left = n;
    while (left > 0) {
      day = addDays(day, 1);
      if (this.isWorkingDay(iso(day))) left--;
    }
    return iso(day);
  }

  /** The first working day after `date`: where the Regulations' periods start counting. */
  firstWorkingDayAfter(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** `date` if it is a working day, otherwise the next one. */
  onOrAfter(date: string): string {
    return this.isWorkingDay(date) ? date : this.firstWorkingDayAfter(date);
  }

  /** Working days strictly after `from` up to and including `to`. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = addDays(parseISO(from), 1); iso(day) <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(iso(day))) count++;
    }
    return count;
  }

  private holidaysOf(year: number): Set<string> {
    let set = this.byYear.get(year);
    if (!set) {
      set = new Set(
        this.source
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10)),
      );
      for (const extra of this.extraBankHolidays) if (extra.startsWith(`${year}-`)) set.add(extra);
      this.byYear.set(year, set);
    }
    return set;
  }
}

function iso(day: Date): string {
  return format(day, 'yyyy-MM-dd');
}
