import { Clock } from '@precedent/platform';

/**
 * The real clock moved to a chosen day: time still passes, so sessions and timestamps behave, but
 * "today" is the day a test needs (a hearing fixed in December, decided in January).
 */
export class TestClock extends Clock {
  private offsetMs = 0;

  setToday(day: string): void {
    const now = Date.now();
    const target = Date.parse(`${day}T12:00:00Z`);
    this.offsetMs = target - now;
  }

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
