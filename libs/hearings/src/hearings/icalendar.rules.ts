import { addDays, format, parseISO } from 'date-fns';
import type { Forum } from '../outcomes/outcome';

/** What a panel member's calendar needs; no names of people, because the file leaves Precedent. */
export interface CalendarHearing {
  id: string;
  forum: Forum;
  status: 'date_proposed' | 'fixed';
  caseReference: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, Europe/London; an all-day event when absent. */
  startsAt: string | null;
  /** Expected length; absent: SITTING_HOURS. */
  durationMinutes?: number | null;
  venue: string | null;
  remoteLink: string | null;
  /** Rises with every change, so calendar programs replace the old copy. */
  sequence: number;
}

/** A sitting is taken as 7 hours when only its start is known (a practice default, not a rule). */
export const SITTING_HOURS = 7;

/**
 * The hearing as an iCalendar object (RFC 5545): CRLF line ends, TEXT escaped (§3.3.11), lines
 * folded at 75 octets (§3.1), times in UTC so no VTIMEZONE is needed.
 */
export function hearingICalendar(hearing: CalendarHearing, stampedAt: Date, host = 'precedent'): string {
  const what = hearing.forum.replace(/_/g, ' ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Precedent//Hearings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:hearing-${hearing.id}@${host}`,
    `DTSTAMP:${utcStamp(stampedAt)}`,
    `SEQUENCE:${hearing.sequence}`,
    ...(hearing.startsAt
      ? [
          `DTSTART:${utcStamp(londonToUtc(hearing.date, hearing.startsAt))}`,
          `DURATION:${isoDuration(hearing.durationMinutes ?? SITTING_HOURS * 60)}`,
        ]
      : [
          `DTSTART;VALUE=DATE:${hearing.date.replace(/-/g, '')}`,
          `DTEND;VALUE=DATE:${format(addDays(parseISO(hearing.date), 1), 'yyyyMMdd')}`,
        ]),
    `SUMMARY:${text(`${capitalise(what)} ${hearing.caseReference}`)}`,
    ...(hearing.venue ? [`LOCATION:${text(hearing.venue)}`] : []),
    ...(hearing.remoteLink ? [`URL:${hearing.remoteLink}`] : []),
    `DESCRIPTION:${text(
      `${capitalise(what)} for case ${hearing.caseReference}${hearing.status === 'date_proposed' ? ' (date proposed, not yet fixed)' : ''}.${
        hearing.remoteLink ? `\nJoin: ${hearing.remoteLink}` : ''
      }`,
    )}`,
    `STATUS:${hearing.status === 'fixed' ? 'CONFIRMED' : 'TENTATIVE'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 §3.3.11). */
export function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after CRLF and a space (§3.1), never splitting a character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // the first line holds 75 octets; continuation lines 74 after their leading space
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The UTC instant of a wall-clock time in England and Wales (GMT or BST). */
export function londonToUtc(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return new Date(guess.getTime() - (wall - guess.getTime()));
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** PT7H, PT3H30M, PT45M. */
function isoDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}
