/**
 * WhatsApp "Export chat" text: one message per line that starts with a date and time, continuation
 * lines without one, the date order of the exporting phone's locale, 12 or 24 hour clocks, and
 * invisible direction marks. Markers (deleted, edited, media omitted, attached, forwarded, system)
 * are kept as facts on the message, never dropped. See docs/export-formats.md.
 */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export type MessageFact =
  'system' | 'deleted' | 'edited' | 'forwarded' | 'media_omitted' | 'attachment' | 'before_first_message';

export interface ChatMessage {
  /** Order in the file, from 0. */
  seq: number;
  /** First line of the message in the file, from 1, and how many lines it spans. */
  line: number;
  lineCount: number;
  author: string | null;
  text: string;
  /** Wall-clock time on the exporting phone (the export carries no zone), `YYYY-MM-DDTHH:MM:SS`. */
  local: string | null;
  facts: MessageFact[];
  media: string[];
  /** The lines exactly as exported, invisible marks included. */
  raw: string;
}

export interface ChatParse {
  messages: ChatMessage[];
  dateOrder: DateOrder;
  /** How the order was settled: from a day over 12, the separator, or the investigator's choice. */
  dateOrderReason: string;
}

export class ChatDateOrderAmbiguousError extends Error {
  constructor(readonly sample: string) {
    super(
      `Whether dates in this chat are day/month or month/day cannot be told from the file: no day is over 12 (for example "${sample}"). Choose the order (dmy or mdy) for this item and it will be parsed again.`,
    );
    this.name = 'ChatDateOrderAmbiguousError';
  }
}

export class ChatLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChatLayoutError';
  }
}

// direction marks and the BOM are dropped; narrow and no-break spaces become spaces
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const ODD_SPACES = /[\u202f\u00a0\u2007]/g;

const DATE = String.raw`(\d{1,4})([./-])(\d{1,2})[./-](\d{2,4})`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?`;
const BRACKETED = new RegExp(String.raw`^\[${DATE},?\s+(?:klo\s+)?${TIME}\]\s?(.*)$`);
const DASHED = new RegExp(String.raw`^${DATE},?\s+${TIME}\s+[-–]\s(.*)$`);

const DELETED = [
  /^This message was deleted\.?$/i,
  /^You deleted this message\.?$/i,
  /^This message was deleted by admin\b/i,
  /^Diese Nachricht wurde gelöscht\.?$/i,
  /^Questo messaggio è stato eliminato\.?$/i,
  /^Se eliminó este mensaje\.?$/i,
  /^Ce message a été supprimé\.?$/i,
];
const EDITED =
  /\s*<(This message was edited|Diese Nachricht wurde bearbeitet|Questo messaggio è stato modificato|Se editó este mensaje|Ce message a été modifié)>\s*$/i;
const MEDIA_OMITTED = [
  /^<Media omitted>$/i,
  /^<Medien ausgeschlossen>$/i,
  /^(image|video|audio|sticker|GIF|document|Contact card) omitted$/i,
  /^<(image|video|audio|sticker|GIF|document) omitted>$/i,
];
const ATTACHED_IOS = /<attached: ([^>]+)>/i;
const ATTACHED_ANDROID = /^(.+\.[A-Za-z0-9]{1,5}) \((file attached|Datei angehängt)\)/i;
const FORWARDED = /^\[?Forwarded\]?\s*/i;

interface Header {
  a: string;
  sep: string;
  b: string;
  c: string;
  hour: number;
  minute: number;
  second: number;
  meridiem: string | undefined;
  rest: string;
}

function header(clean: string): Header | null {
  const m = BRACKETED.exec(clean) ?? DASHED.exec(clean);
  if (!m) return null;
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  const second = m[7] ? Number(m[7]) : 0;
  const meridiem = m[8]?.toLowerCase();
  if (minute > 59 || second > 59) return null;
  if (meridiem ? hour < 1 || hour > 12 : hour > 23) return null;
  return { a: m[1], sep: m[2], b: m[3], c: m[4], hour, minute, second, meridiem, rest: m[9] };
}

/** Settles the date order from every header in the file (or checks the investigator's choice against them). */
function settleOrder(
  headers: { header: Header; line: number }[],
  chosen?: DateOrder,
): Pick<ChatParse, 'dateOrder' | 'dateOrderReason'> {
  if (headers.every(({ header: h }) => h.a.length === 4))
    return { dateOrder: 'ymd', dateOrderReason: 'dates are written year first' };
  const dayFirst = headers.find(({ header: h }) => h.a.length <= 2 && Number(h.a) > 12);
  const monthFirst = headers.find(({ header: h }) => h.a.length <= 2 && Number(h.b) > 12);
  if (dayFirst && monthFirst)
    throw new ChatLayoutError(
      `The dates in this chat contradict each other: line ${dayFirst.line} puts the day first and line ${monthFirst.line} the month.`,
    );
  if (chosen) {
    const against = chosen === 'mdy' ? dayFirst : chosen === 'dmy' ? monthFirst : undefined;
    if (against)
      throw new ChatLayoutError(
        `The chosen date order (${chosen}) cannot be right: line ${against.line} has a date that only fits the other order.`,
      );
    return { dateOrder: chosen, dateOrderReason: "the investigator's choice" };
  }
  if (dayFirst) return { dateOrder: 'dmy', dateOrderReason: `line ${dayFirst.line} has a day over 12` };
  if (monthFirst)
    return { dateOrder: 'mdy', dateOrderReason: `line ${monthFirst.line} has a day over 12 in second place` };
  if (headers.some(({ header: h }) => h.sep === '.'))
    return { dateOrder: 'dmy', dateOrderReason: 'dates separated by dots are written day first' };
  const sample = headers[0].header;
  throw new ChatDateOrderAmbiguousError(`${sample.a}${sample.sep}${sample.b}${sample.sep}${sample.c}`);
}

function localTime(h: Header, order: DateOrder): string | null {
  const [year, month, day] =
    order === 'ymd' ? [h.a, h.b, h.c] : order === 'dmy' ? [h.c, h.b, h.a] : [h.c, h.a, h.b];
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  const hour = h.meridiem ? (h.hour % 12) + (h.meridiem === 'p' ? 12 : 0) : h.hour;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)}T${pad(hour)}:${pad(h.minute)}:${pad(h.second)}`;
}

/** Splits "Author: text"; a line with no author (group created, encryption notice) is a system line. */
function splitAuthor(rest: string): { author: string | null; text: string } {
  const colon = rest.indexOf(': ');
  if (colon > 0 && colon <= 80) {
    const author = rest.slice(0, colon);
    if (!author.includes('"') && !author.includes('“'))
      return { author: author.replace(/^~\s?/, ''), text: rest.slice(colon + 2) };
  }
  if (rest.endsWith(':') && rest.length <= 81)
    return { author: rest.slice(0, -1).replace(/^~\s?/, ''), text: '' };
  return { author: null, text: rest };
}

function describe(message: {
  author: string | null;
  text: string;
}): Pick<ChatMessage, 'facts' | 'media' | 'text'> {
  const facts: MessageFact[] = [];
  const media: string[] = [];
  let text = message.text;
  if (message.author === null) facts.push('system');
  if (EDITED.test(text)) {
    facts.push('edited');
    text = text.replace(EDITED, '');
  }
  if (FORWARDED.test(text) && text.startsWith('[')) {
    facts.push('forwarded');
    text = text.replace(FORWARDED, '');
  }
  if (DELETED.some((p) => p.test(text.trim()))) facts.push('deleted');
  if (MEDIA_OMITTED.some((p) => p.test(text.trim()))) facts.push('media_omitted');
  const ios = ATTACHED_IOS.exec(text);
  const android = ATTACHED_ANDROID.exec(text.trim());
  if (ios || android) {
    facts.push('attachment');
    media.push((ios?.[1] ?? android![1]).trim());
  }
  return { facts, media, text };
}

/**
 * Whether the start of a text looks like a chat export: one of its first lines starts with a date and
 * time. Checked on the first bytes before a large file is read whole.
 */
export function looksLikeWhatsAppChat(head: string, lines = 50): boolean {
  return head
    .split(/\r\n|\n|\r/)
    .slice(0, lines)
    .some((raw) => header(raw.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').trimStart()) !== null);
}

/** Parses a whole chat. `chosen` is the investigator's date order when the file cannot settle it. */
export function parseWhatsAppChat(content: string, chosen?: DateOrder): ChatParse {
  const lines = content.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const headers: { header: Header; line: number }[] = [];
  const parsed = lines.map((raw, i) => {
    const h = header(raw.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').trimStart());
    if (h) headers.push({ header: h, line: i + 1 });
    return h;
  });
  if (headers.length === 0)
    throw new ChatLayoutError('No line starts with a date and time as a WhatsApp chat export does.');
  const order = settleOrder(headers, chosen);

  const messages: ChatMessage[] = [];
  let current: (ChatMessage & { textLines: string[] }) | null = null;
  const finish = () => {
    if (!current) return;
    const { textLines, ...message } = current;
    const described = describe({ author: message.author, text: textLines.join('\n') });
    const before = message.facts.includes('before_first_message');
    messages.push({
      ...message,
      ...described,
      facts: before ? ['before_first_message'] : described.facts,
    });
    current = null;
  };
  lines.forEach((raw, i) => {
    const h = parsed[i];
    const local = h ? localTime(h, order.dateOrder) : null;
    if (h && local) {
      finish();
      const { author, text } = splitAuthor(h.rest.replace(INVISIBLE, '').replace(ODD_SPACES, ' '));
      current = {
        seq: messages.length,
        line: i + 1,
        lineCount: 1,
        author,
        text: '',
        local,
        facts: [],
        media: [],
        raw,
        textLines: [text],
      };
      return;
    }
    const clean = raw.replace(INVISIBLE, '').replace(ODD_SPACES, ' ');
    if (current) {
      current.lineCount++;
      current.raw += `\n${raw}`;
      current.textLines.push(clean);
      return;
    }
    if (clean.trim() === '') return;
    // text before the first dated line: kept, with no author or time, and said so
    current = {
      seq: messages.length,
      line: i + 1,
      lineCount: 1,
      author: null,
      text: '',
      local: null,
      facts: ['before_first_message'],
      media: [],
      raw,
      textLines: [clean],
    };
  });
  finish();
  return { messages, ...order };
}

// one formatter for every call: building an Intl.DateTimeFormat costs far more than using one
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** London's offset from UTC at an instant, in milliseconds. */
function londonOffset(at: number): number {
  const parts = LONDON.formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at;
}

/** Converts a London wall-clock time to the instant it names (the export carries no zone). */
export function londonInstant(local: string): Date {
  const [date, time] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = asUtc - londonOffset(asUtc);
  return new Date(asUtc - londonOffset(first));
}

/** A message with the instant its London wall-clock time names (null when it has no time). */
export interface DatedChatMessage extends ChatMessage {
  postedAt: Date | null;
}

/**
 * A chat export read from its bytes: the messages with their instants and the participants, or why it
 * cannot be read (the date order cannot be settled, or it is not laid out as a chat). A plain value
 * either way, so it crosses to another thread as it is.
 */
export type ChatReading =
  | {
      readable: true;
      dateOrder: DateOrder;
      dateOrderReason: string;
      participants: string[];
      messages: DatedChatMessage[];
    }
  | { readable: false; reason: 'date-order' | 'layout'; message: string };

/** Decodes, parses and dates a whole chat export: all the CPU work of reading one. */
export function readWhatsAppExport(bytes: Uint8Array, chosen?: DateOrder): ChatReading {
  let chat: ChatParse;
  try {
    chat = parseWhatsAppChat(new TextDecoder('utf-8').decode(bytes), chosen);
  } catch (error) {
    if (error instanceof ChatDateOrderAmbiguousError)
      return { readable: false, reason: 'date-order', message: error.message };
    if (error instanceof ChatLayoutError)
      return { readable: false, reason: 'layout', message: error.message };
    throw error;
  }
  const participants = [
    ...new Set(chat.messages.map((m) => m.author).filter((a): a is string => a !== null)),
  ];
  return {
    readable: true,
    dateOrder: chat.dateOrder,
    dateOrderReason: chat.dateOrderReason,
    participants,
    messages: chat.messages.map((m) => ({ ...m, postedAt: m.local ? londonInstant(m.local) : null })),
  };
}
