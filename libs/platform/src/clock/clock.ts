import { Injectable } from '@nestjs/common';

/** The time, injectable so rules that depend on "today" can be tested on a chosen day. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in England and Wales, as `YYYY-MM-DD`. */
  today(): string {
    return londonDate(this.now());
  }
}

/**
 * Made once: building an Intl.DateTimeFormat loads time-zone data and costs far more than formatting,
 * and lists turn hundreds of timestamps into London dates per page.
 */
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** London dates by UTC hour: the UK's offset is always whole hours, so the date is the same all hour. */
const LONDON_DATES_BY_HOUR = new Map<number, string>();
const HOURS_KEPT = 100_000;

export function londonDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  let date = LONDON_DATES_BY_HOUR.get(hour);
  if (date === undefined) {
    date = LONDON_DATE.format(instant);
    if (LONDON_DATES_BY_HOUR.size >= HOURS_KEPT) LONDON_DATES_BY_HOUR.clear();
    LONDON_DATES_BY_HOUR.set(hour, date);
  }
  return date;
}
