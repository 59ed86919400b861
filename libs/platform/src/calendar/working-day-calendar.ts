import { addDays, format, parseISO } from 'date-fns';
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
  /** Answers of addWorkingDays: the same case's dates are counted on every list it appears in. */
  private readonly counted = new Map<string, string>();

  constructor(private readonly extraBankHolidays: readonly string[] = []) {}

  bankHolidays(year: number): string[] {
    return [...this.holidaysOf(year)].sort();
  }

  isBankHoliday(date: string): boolean {
    return this.holidaysOf(Number(date.slice(0, 4))).has(date);
  }

  isWorkingDay(date: string): boolean {
    return isWeekday(utcDay(date)) && !this.isBankHoliday(date);
  }

  /** The Nth working day after `from` (`from` itself never counts): "within N working days of". */
  addWorkingDays(from: string, n: number): string {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError('The number of working days must be a whole number, 0 or more');
    const key = `${from}+${n}`;
    const known = this.counted.get(key);
    if (known !== undefined) return known;
    // one Date stepped in UTC: lists compute this for hundreds of cases per page, and date-fns'
    // parse and format on every day stepped were most of a work list's time
    const day = utcDay(from);
    let date = from;
    let left = n;
    while (left > 0) {
      day.setUTCDate(day.getUTCDate() + 1);
      date = day.toISOString().slice(0, 10);
      if (isWeekday(day) && !this.isBankHoliday(date)) left--;
    }
    if (this.counted.size >= COUNTED_LIMIT) this.counted.clear();
    this.counted.set(key, date);
    return date;
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

/** Enough for every open case's dates many times over; past it the memory is simply started again. */
const COUNTED_LIMIT = 50_000;

/** A calendar date as midnight UTC, so stepping a day never meets a clock change. */
function utcDay(date: string): Date {
  const day = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(day.getTime()))
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

function isWeekday(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function iso(day: Date): string {
  return format(day, 'yyyy-MM-dd');
}
