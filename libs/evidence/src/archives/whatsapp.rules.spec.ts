import {
  ChatDateOrderAmbiguousError,
  ChatLayoutError,
  londonInstant,
  looksLikeWhatsAppChat,
  parseWhatsAppChat,
  readWhatsAppExport,
} from './whatsapp.rules';

const LRM = '\u200e';
const NNBSP = '\u202f';

describe('WhatsApp chat export', () => {
  it('reads Android UK lines, multi-line messages, system lines and markers', () => {
    const chat = [
      '\ufeff13/01/2026, 14:30 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
      '13/01/2026, 14:31 - Sam Fictional: first line',
      'second line of the same message',
      '13/01/2026, 14:32 - ~ Alex Example: <Media omitted>',
      '14/01/2026, 09:05 - Sam Fictional: This message was deleted',
      '14/01/2026, 09:06 - Alex Example: see you there <This message was edited>',
      '14/01/2026, 09:07 - Alex Example: IMG-20260114-WA0001.jpg (file attached)',
    ].join('\r\n');
    const { messages, dateOrder, dateOrderReason } = parseWhatsAppChat(chat);
    expect(dateOrder).toBe('dmy');
    expect(dateOrderReason).toMatch(/line 1 has a day over 12/);
    expect(messages.map((m) => [m.line, m.author, m.local, m.facts])).toEqual([
      [1, null, '2026-01-13T14:30:00', ['system']],
      [2, 'Sam Fictional', '2026-01-13T14:31:00', []],
      [4, 'Alex Example', '2026-01-13T14:32:00', ['media_omitted']],
      [5, 'Sam Fictional', '2026-01-14T09:05:00', ['deleted']],
      [6, 'Alex Example', '2026-01-14T09:06:00', ['edited']],
      [7, 'Alex Example', '2026-01-14T09:07:00', ['attachment']],
    ]);
    expect(messages[1]).toMatchObject({ text: 'first line\nsecond line of the same message', lineCount: 2 });
    expect(messages[4].text).toBe('see you there');
    expect(messages[5].media).toEqual(['IMG-20260114-WA0001.jpg']);
  });

  it('reads iOS bracketed lines with seconds, 12-hour clocks, narrow spaces and direction marks', () => {
    const chat = [
      `${LRM}[1/13/26, 9:15:23${NNBSP}AM] Sam Fictional: morning`,
      `[1/13/26, 9:16:00 PM] ${LRM}Alex Example: ${LRM}image omitted`,
      `[1/13/26, 12:01:00 am] Alex Example: ${LRM}<attached: 00000012-PHOTO-2026-01-13-00-01-00.jpg>`,
    ].join('\n');
    const { messages, dateOrder } = parseWhatsAppChat(chat);
    expect(dateOrder).toBe('mdy');
    expect(messages.map((m) => [m.author, m.local, m.text, m.facts])).toEqual([
      ['Sam Fictional', '2026-01-13T09:15:23', 'morning', []],
      ['Alex Example', '2026-01-13T21:16:00', 'image omitted', ['media_omitted']],
      [
        'Alex Example',
        '2026-01-13T00:01:00',
        '<attached: 00000012-PHOTO-2026-01-13-00-01-00.jpg>',
        ['attachment'],
      ],
    ]);
    expect(messages[0].raw.startsWith(LRM)).toBe(true);
  });

  it('reads German, Finnish and ISO-like dates', () => {
    expect(parseWhatsAppChat('03.01.26, 14:30 - Sam: hallo').messages[0].local).toBe('2026-01-03T14:30:00');
    expect(parseWhatsAppChat('[12.3.2022 klo 14.08.18] Sam: moi').messages[0].local).toBe(
      '2022-03-12T14:08:18',
    );
    const iso = parseWhatsAppChat('2024-12-31, 21:41 - Sam: happy new year');
    expect(iso).toMatchObject({ dateOrder: 'ymd' });
    expect(iso.messages[0].local).toBe('2024-12-31T21:41:00');
  });

  it('infers the order across the whole file, and asks when it cannot', () => {
    const late = [
      '01/02/2026, 10:00 - Sam: a',
      '02/03/2026, 10:00 - Sam: b',
      '25/03/2026, 10:00 - Sam: c',
    ].join('\n');
    const { messages } = parseWhatsAppChat(late);
    expect(messages[0].local).toBe('2026-02-01T10:00:00');
    const ambiguous = ['01/02/2026, 10:00 - Sam: a', '02/03/2026, 10:00 - Sam: b'].join('\n');
    expect(() => parseWhatsAppChat(ambiguous)).toThrow(ChatDateOrderAmbiguousError);
    expect(parseWhatsAppChat(ambiguous, 'mdy')).toMatchObject({
      dateOrder: 'mdy',
      dateOrderReason: "the investigator's choice",
    });
    expect(parseWhatsAppChat(ambiguous, 'mdy').messages[0].local).toBe('2026-01-02T10:00:00');
    expect(() => parseWhatsAppChat(late, 'mdy')).toThrow(/cannot be right: line 3/);
  });

  it('keeps text before the first dated line, and refuses a file that is not a chat', () => {
    const { messages } = parseWhatsAppChat('exported by a fictional phone\n13/01/2026, 14:31 - Sam: hi');
    expect(messages[0]).toMatchObject({ author: null, local: null, facts: ['before_first_message'] });
    expect(() => parseWhatsAppChat('just a note\nwith two lines')).toThrow(ChatLayoutError);
  });

  it('converts London wall-clock time to the instant, in winter and summer', () => {
    expect(londonInstant('2026-01-13T14:30:00').toISOString()).toBe('2026-01-13T14:30:00.000Z');
    expect(londonInstant('2026-07-13T14:30:00').toISOString()).toBe('2026-07-13T13:30:00.000Z');
  });

  it('tells from the first lines whether a text is a chat at all', () => {
    expect(looksLikeWhatsAppChat('\ufeff[13/01/2026, 14:30:00] Sam: hi\n')).toBe(true);
    expect(looksLikeWhatsAppChat('fictional evidence text line\n'.repeat(100))).toBe(false);
  });

  it('reads the first message of every export form, 12 and 24 hour clocks', () => {
    const forms: [string, string, string][] = [
      ['1/13/26, 9:15 AM - Ada: a\n1/13/26, 9:16 PM - Ben: b', 'mdy', '2026-01-13T09:15:00'],
      ['13/01/2026, 14:30 - Ada: a', 'dmy', '2026-01-13T14:30:00'],
      ['13/01/26, 2:30 pm – Ada: a', 'dmy', '2026-01-13T14:30:00'],
      ['13.01.26, 14:30 - Ada: a', 'dmy', '2026-01-13T14:30:00'],
      ['2024-12-31, 21:41 - Ada: a', 'ymd', '2024-12-31T21:41:00'],
      ['[03/04/2024, 22:01:09] Ada: a\n[13/04/2024, 22:01:10] Ben: b', 'dmy', '2024-04-03T22:01:09'],
      [`[1/13/26, 9:15:23${NNBSP}AM] Ada: a`, 'mdy', '2026-01-13T09:15:23'],
      [`[19/3/2025, 8:00:59${NNBSP}pm] Ada: a`, 'dmy', '2025-03-19T20:00:59'],
      ['[12.3.2022 klo 14.08.18] Ada: a', 'dmy', '2022-03-12T14:08:18'],
    ];
    for (const [chat, order, first] of forms) {
      const parsed = parseWhatsAppChat(chat);
      expect({
        chat,
        order: parsed.dateOrder,
        first: parsed.messages[0].local,
        author: parsed.messages[0].author,
      }).toEqual({
        chat,
        order,
        first,
        author: 'Ada',
      });
    }
  });

  describe('reading an export from its bytes', () => {
    it('gives the messages with their instants in London, and each author once', () => {
      const bytes = Buffer.from(
        [
          '13/01/2026, 14:30 - Sam Fictional created group "Night shift"',
          '13/07/2026, 14:31 - Sam Fictional: summer time',
          '13/07/2026, 14:32 - Alex Example: yes',
          '14/07/2026, 09:05 - Sam Fictional: again',
        ].join('\n'),
      );
      const reading = readWhatsAppExport(bytes);
      expect(reading).toMatchObject({
        readable: true,
        dateOrder: 'dmy',
        participants: ['Sam Fictional', 'Alex Example'],
      });
      if (!reading.readable) throw new Error('expected a readable chat');
      expect(reading.messages.map((m) => m.postedAt?.toISOString() ?? null)).toEqual([
        '2026-01-13T14:30:00.000Z',
        '2026-07-13T13:31:00.000Z',
        '2026-07-13T13:32:00.000Z',
        '2026-07-14T08:05:00.000Z',
      ]);
    });

    it('says why a chat cannot be read instead of throwing, so the reason crosses a thread as a value', () => {
      const ambiguous = Buffer.from(['01/02/2026, 10:00 - Sam: a', '02/03/2026, 10:00 - Sam: b'].join('\n'));
      expect(readWhatsAppExport(ambiguous)).toEqual({
        readable: false,
        reason: 'date-order',
        message: expect.stringContaining('Choose the order (dmy or mdy)'),
      });
      expect(readWhatsAppExport(ambiguous, 'mdy')).toMatchObject({ readable: true, dateOrder: 'mdy' });
      expect(readWhatsAppExport(Buffer.from('just some notes\nwith no dates'))).toEqual({
        readable: false,
        reason: 'layout',
        message: 'No line starts with a date and time as a WhatsApp chat export does.',
      });
    });
  });
});
