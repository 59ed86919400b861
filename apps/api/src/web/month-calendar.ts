import { addDays, addMonths, endOfMonth, format, getISODay, parse, startOfMonth } from 'date-fns';

/** A day in a month of the hearings calendar, with why it is not a working day when it is not. */
export interface CalendarDay {
  date: string;
  dayOfMonth: number;
  /** e.g. "Wednesday 6 January", for those who hear the table rather than see it */
  label: string;
  weekend: boolean;
  bankHoliday: boolean;
}

export interface CalendarMonth {
  /** YYYY-MM */
  month: string;
  label: string;
  first: string;
  last: string;
  previous: string;
  previousLabel: string;
  next: string;
  nextLabel: string;
  /** Monday-first weeks; `null` pads the days before the 1st and after the last. */
  weeks: (CalendarDay | null)[][];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month asked for (`YYYY-MM`, years 2000 to 2099), or today's when it is missing or not a month. */
export function monthOf(asked: string | undefined, today: string): string {
  const match = asked ? MONTH.exec(asked) : null;
  return match && match[1] >= '2000' && match[1] <= '2099' ? asked! : today.slice(0, 7);
}

/**
 * A month laid out as weeks from Monday to Sunday, each day marked when it is a weekend day or a
 * bank holiday, because hearings sit on working days and notices are counted in them.
 */
export function calendarMonth(month: string, isBankHoliday: (date: string) => boolean): CalendarMonth {
  const first = startOfMonth(parse(`${month}-01`, 'yyyy-MM-dd', new Date(2000, 0, 1)));
  const last = endOfMonth(first);
  const weeks: (CalendarDay | null)[][] = [];
  let week: (CalendarDay | null)[] = Array.from({ length: getISODay(first) - 1 }, () => null);
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const date = format(day, 'yyyy-MM-dd');
    week.push({
      date,
      dayOfMonth: day.getDate(),
      label: format(day, 'EEEE d MMMM'),
      weekend: getISODay(day) >= 6,
      bankHoliday: isBankHoliday(date),
    });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return {
    month,
    label: format(first, 'MMMM yyyy'),
    first: format(first, 'yyyy-MM-dd'),
    last: format(last, 'yyyy-MM-dd'),
    previous: format(addMonths(first, -1), 'yyyy-MM'),
    previousLabel: format(addMonths(first, -1), 'MMMM yyyy'),
    next: format(addMonths(first, 1), 'yyyy-MM'),
    nextLabel: format(addMonths(first, 1), 'MMMM yyyy'),
    weeks,
  };
}
