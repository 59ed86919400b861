/**
 * One short fictional chat in each WhatsApp export form the parser reads: Android and iOS, the
 * locales of the export-formats notes, 12 and 24 hour clocks. Each has a day over 12 (or dots), so
 * the date order settles from the file; `first` is the first message's local time.
 */
export interface ChatForm {
  form: string;
  lines: string[];
  first: string;
  dateOrder: 'dmy' | 'mdy' | 'ymd';
}

const LRM = '\u200e';
const NNBSP = '\u202f';

export const CHAT_FORMS: ChatForm[] = [
  {
    form: 'Android, US, 12 hour',
    lines: ['1/13/26, 9:15 AM - Ada Fictional: morning', '1/13/26, 9:16 PM - Ben Example: evening'],
    first: '2026-01-13T09:15:00',
    dateOrder: 'mdy',
  },
  {
    form: 'Android, UK, 24 hour, 4-digit year',
    lines: ['13/01/2026, 14:30 - Ada Fictional: afternoon', '13/01/2026, 14:31 - Ben Example: noted'],
    first: '2026-01-13T14:30:00',
    dateOrder: 'dmy',
  },
  {
    form: 'Android, UK, 12 hour, 2-digit year, en dash',
    lines: ['13/01/26, 2:30 pm – Ada Fictional: afternoon', '13/01/26, 2:31 pm – Ben Example: noted'],
    first: '2026-01-13T14:30:00',
    dateOrder: 'dmy',
  },
  {
    form: 'Android, German',
    lines: ['13.01.26, 14:30 - Ada Fictional: hallo', '13.01.26, 14:31 - Ben Example: servus'],
    first: '2026-01-13T14:30:00',
    dateOrder: 'dmy',
  },
  {
    form: 'Android, ISO-like',
    lines: ['2024-12-31, 21:41 - Ada Fictional: happy new year', '2024-12-31, 21:42 - Ben Example: same'],
    first: '2024-12-31T21:41:00',
    dateOrder: 'ymd',
  },
  {
    form: 'iOS, UK, 24 hour',
    lines: [
      `${LRM}[03/04/2024, 22:01:09] Ada Fictional: ${LRM}Messages and calls are end-to-end encrypted.`,
      '[13/04/2024, 22:01:10] Ben Example: text',
    ],
    first: '2024-04-03T22:01:09',
    dateOrder: 'dmy',
  },
  {
    form: 'iOS, US, 12 hour',
    lines: [
      `[1/13/26, 9:15:23${NNBSP}AM] Ada Fictional: morning`,
      '[1/13/26, 9:16:00 PM] Ben Example: evening',
    ],
    first: '2026-01-13T09:15:23',
    dateOrder: 'mdy',
  },
  {
    form: 'iOS, UK, 12 hour, lower-case pm',
    lines: [
      `[19/3/2025, 8:00:59${NNBSP}pm] Ada Fictional: late`,
      '[19/3/2025, 8:01:30 pm] Ben Example: later',
    ],
    first: '2025-03-19T20:00:59',
    dateOrder: 'dmy',
  },
  {
    form: 'iOS, Finnish',
    lines: ['[12.3.2022 klo 14.08.18] Ada Fictional: moi', '[12.3.2022 klo 14.09.01] Ben Example: hei'],
    first: '2022-03-12T14:08:18',
    dateOrder: 'dmy',
  },
];
