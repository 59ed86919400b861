import type { Forum } from '../outcomes/outcome';

/**
 * When a meeting or hearing occupies its panel: a day, a start time and an expected duration.
 * Bookings and unavailability are compared as time intervals on that day, so a member can sit on a
 * morning meeting and an afternoon one but not on two that overlap (issue 6, panel conflicts).
 */
export interface Sitting {
  date: string;
  /** Minutes after local midnight (England and Wales). */
  startMinute: number;
  /** Exclusive. */
  endMinute: number;
}

/** Expected length when none is given: a hearing takes the day, a meeting half of it (a practice default). */
export const DEFAULT_DURATION_MINUTES: Record<Forum, number> = {
  misconduct_hearing: 7 * 60,
  accelerated_hearing: 7 * 60,
  misconduct_meeting: 3 * 60 + 30,
};

const DAY_MINUTES = 24 * 60;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minuteOf(time: string): number {
  const match = HH_MM.exec(time);
  if (!match) throw new Error(`not a time as HH:MM: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function timeOf(minute: number): string {
  const m = Math.min(Math.max(minute, 0), DAY_MINUTES);
  if (m === DAY_MINUTES) return '24:00';
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The interval a sitting occupies. Without a start time it could be any time that day, so it blocks
 * the whole day; proceedings do not run past midnight, so the end is capped there.
 */
export function sittingOf(
  forum: Forum,
  date: string,
  startsAt: string | null,
  durationMinutes: number | null,
): Sitting {
  if (!startsAt) return { date, startMinute: 0, endMinute: DAY_MINUTES };
  const start = minuteOf(startsAt);
  const length = durationMinutes ?? DEFAULT_DURATION_MINUTES[forum];
  return { date, startMinute: start, endMinute: Math.min(start + length, DAY_MINUTES) };
}

export function overlaps(a: Sitting, b: Sitting): boolean {
  return a.date === b.date && a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}

/** A period on one day a panel member cannot sit, as local times HH:MM (end exclusive). */
export interface UnavailablePeriod {
  date: string;
  from: string;
  to: string;
}

export function periodSitting(period: UnavailablePeriod): Sitting {
  return {
    date: period.date,
    startMinute: minuteOf(period.from),
    endMinute: period.to === '24:00' ? DAY_MINUTES : minuteOf(period.to),
  };
}

/** "on 2027-01-06 from 10:00 to 17:00", or "all day on 2027-01-06". */
export function describeSitting(s: Sitting): string {
  if (s.startMinute === 0 && s.endMinute === DAY_MINUTES) return `all day on ${s.date}`;
  return `on ${s.date} from ${timeOf(s.startMinute)} to ${timeOf(s.endMinute)}`;
}
