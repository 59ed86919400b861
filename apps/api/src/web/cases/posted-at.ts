type Posted = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value) ?? '';

const ZONE = 'Europe/London';
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/**
 * When a post was made, as the conduct form asks it: a GOV.UK date input (`postedAt-day`, `-month`,
 * `-year`) and an optional 24-hour time (`postedAt-time`) in UK time, since that is the clock the
 * screenshots show. Read into the ISO date or date and time (in UTC) the API takes; boxes that do
 * not make a real date or time are passed on as they are, for the form's check to refuse in words.
 */
export function postedAtInput(body: Posted): string | undefined {
  const [day, month, year, time] = ['day', 'month', 'year', 'time'].map((part) =>
    one(body[`postedAt-${part}`]).trim(),
  );
  if (!day && !month && !year && !time) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const midnight = new Date(`${date}T00:00:00Z`);
  const real =
    /^\d{4}-\d{2}-\d{2}$/.test(date) &&
    !Number.isNaN(midnight.getTime()) &&
    midnight.toISOString().startsWith(date);
  if (!real) return `${year}-${month}-${day} ${time}`.trim();
  if (!time) return date;
  const hm = TIME.exec(time);
  if (!hm) return `${date} ${time}`;
  return ukTimeToUtc(date, Number(hm[1]), Number(hm[2])).toISOString();
}

/** The boxes of the form for a recorded time: the UK date, and the UK time unless it is midnight UTC. */
export function postedAtParts(at: Date | null): Posted {
  if (!at) return { 'postedAt-day': '', 'postedAt-month': '', 'postedAt-year': '', 'postedAt-time': '' };
  const local = ukParts(at);
  // a date given without a time is kept as midnight UTC: show it as the date alone
  const dateOnly = at.getUTCHours() === 0 && at.getUTCMinutes() === 0;
  return {
    'postedAt-day': String(local.day),
    'postedAt-month': String(local.month),
    'postedAt-year': String(local.year),
    'postedAt-time': dateOnly ? '' : `${pad(local.hour)}:${pad(local.minute)}`,
  };
}

/** A recorded time as the case page shows it, in UK time. */
export function postedAtText(at: Date): string {
  const local = ukParts(at);
  const date = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  return at.getUTCHours() === 0 && at.getUTCMinutes() === 0
    ? date
    : `${date} ${pad(local.hour)}:${pad(local.minute)} (UK time)`;
}

function ukTimeToUtc(date: string, hour: number, minute: number): Date {
  // the wall-clock time read as UTC, then moved back by the UK's offset at that moment
  const asUtc = new Date(`${date}T${pad(hour)}:${pad(minute)}:00Z`);
  const local = ukParts(asUtc);
  const offset = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - asUtc.getTime();
  return new Date(asUtc.getTime() - offset);
}

function ukParts(at: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
