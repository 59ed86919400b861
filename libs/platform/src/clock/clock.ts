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

export function londonDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
