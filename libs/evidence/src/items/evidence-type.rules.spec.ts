import { classifyText, fromMagic } from './evidence-type.rules';

const text = (s: string) => Buffer.from(s, 'utf8');

describe('evidence types from content', () => {
  it('accepts the binary formats named by their magic bytes and names any other', () => {
    expect(fromMagic({ mime: 'image/png', ext: 'png' })).toEqual({ accepted: true, mediaType: 'image/png' });
    expect(fromMagic({ mime: 'application/zip', ext: 'zip' })).toEqual({
      accepted: true,
      mediaType: 'application/zip',
    });
    expect(fromMagic({ mime: 'application/x-msdownload', ext: 'exe' })).toEqual({
      accepted: false,
      detected: 'EXE (application/x-msdownload)',
    });
  });

  it('tells X archive data, JSON, HTML and plain text apart', () => {
    expect(classifyText(text('window.YTD.tweets.part0 = [ {"tweet": {}} ]'), true)).toMatchObject({
      mediaType: 'text/javascript',
    });
    expect(classifyText(text('\ufeff  [{"timestamp": 1700000000}]'), true)).toMatchObject({
      mediaType: 'application/json',
    });
    expect(classifyText(text('{"comments_v2": []}'), true)).toMatchObject({ mediaType: 'application/json' });
    expect(classifyText(text('<!DOCTYPE html><html><body>Your archive</body></html>'), true)).toMatchObject({
      mediaType: 'text/html',
    });
    expect(classifyText(text('12/03/2024, 21:14 - Sam Fictional: see you at 6'), true)).toMatchObject({
      mediaType: 'text/plain',
    });
  });

  it('recognises a WhatsApp chat in every export form before sniffing for JSON', () => {
    const firstLines = [
      '1/13/26, 9:15 AM - Ada Fictional: morning', // Android, US, 12 hour
      '13/01/2026, 14:30 - Ada Fictional: afternoon', // Android, UK, 24 hour
      '13/01/26, 2:30 pm – Ada Fictional: afternoon', // Android, 12 hour, en dash
      '13.01.26, 14:30 - Ada Fictional: hallo', // Android, German
      '2024-12-31, 21:41 - Ada Fictional: happy new year', // ISO-like
      '[03/04/2024, 22:01:09] Ada Fictional: text', // iOS, 24 hour
      '\u200e[1/13/26, 9:15:23\u202fAM] Ada Fictional: morning', // iOS, US, 12 hour
      '[19/3/2025, 8:00:59\u202fpm] Ada Fictional: late', // iOS, lower-case pm
      '[12.3.2022 klo 14.08.18] Ada Fictional: moi', // iOS, Finnish
    ];
    for (const line of firstLines) {
      expect({ line, detected: classifyText(text(`\ufeff${line}\nsecond line`), true) }).toEqual({
        line,
        detected: { accepted: true, mediaType: 'text/plain' },
      });
      // cut anywhere after the first line, it is still a chat
      expect(classifyText(text(`${line}\n[13/01/2026, 14:3`), false)).toMatchObject({
        mediaType: 'text/plain',
      });
    }
    // JSON that starts like a bracketed chat is still JSON
    expect(classifyText(text('[1, 2, 3]'), true)).toMatchObject({ mediaType: 'application/json' });
    expect(classifyText(text('[\n  "[03/04/2024, 22:01:09] Ada: text"\n]'), true)).toMatchObject({
      mediaType: 'application/json',
    });
    expect(classifyText(text('[{"timestamp": 1700000000}]'), true)).toMatchObject({
      mediaType: 'application/json',
    });
  });

  it('refuses empty files, binary data, UTF-16 and SVG', () => {
    expect(classifyText(Buffer.alloc(0), true)).toEqual({ accepted: false, detected: 'an empty file' });
    expect(classifyText(Buffer.from([0x4d, 0x5a, 0x00, 0x01, 0x02]), true)).toMatchObject({
      accepted: false,
    });
    expect(classifyText(Buffer.from([0xff, 0xfe, 0x41, 0x00]), true)).toMatchObject({ accepted: false });
    expect(classifyText(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), true)).toMatchObject({
      accepted: false,
    });
  });

  it('accepts text whose head ends inside a multi-byte character', () => {
    const head = text('café £5 👍').subarray(0, 13); // cuts the emoji's four bytes short
    expect(classifyText(head, false)).toMatchObject({ accepted: true, mediaType: 'text/plain' });
    expect(classifyText(head, true)).toMatchObject({ accepted: false });
  });
});
