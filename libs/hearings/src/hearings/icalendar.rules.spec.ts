import { fold, hearingICalendar, londonToUtc, text } from './icalendar.rules';

const hearing = {
  id: '8d0b7f2e-1c4a-4f7e-9a53-6b2e0c9d4a11',
  forum: 'misconduct_hearing' as const,
  status: 'fixed' as const,
  caseReference: 'PSD-2026-00042',
  date: '2027-06-03',
  startsAt: '09:30',
  venue: 'Force HQ, Room 2; ground floor',
  remoteLink: 'https://meet.example.org/hearing-42',
  sequence: 3,
};

describe('a hearing as iCalendar (RFC 5545)', () => {
  const ics = hearingICalendar(hearing, new Date('2027-05-01T08:00:00Z'));

  it('is a VCALENDAR with one VEVENT, CRLF line ends and the required properties', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Precedent//Hearings//EN\r\n')).toBe(
      true,
    );
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    expect(ics).toContain('\r\nUID:hearing-8d0b7f2e-1c4a-4f7e-9a53-6b2e0c9d4a11@precedent\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20270501T080000Z\r\n');
    expect(ics).toContain('\r\nSEQUENCE:3\r\n');
    expect(ics).toContain('\r\nSTATUS:CONFIRMED\r\n');
  });

  it('gives the start in UTC: 09:30 in British Summer Time is 08:30Z; in winter London is on UTC', () => {
    expect(ics).toContain('\r\nDTSTART:20270603T083000Z\r\nDURATION:PT7H\r\n');
    expect(londonToUtc('2027-01-06', '10:00').toISOString()).toBe('2027-01-06T10:00:00.000Z');
  });

  it('escapes text and keeps every line within 75 octets', () => {
    expect(ics).toContain('\r\nLOCATION:Force HQ\\, Room 2\\; ground floor\r\n');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // unfolding (RFC 5545 §3.1) gives back the description
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'DESCRIPTION:Misconduct hearing for case PSD-2026-00042.\\nJoin: https://meet.example.org/hearing-42\r\n',
    );
  });

  it('is an all-day event when no time is set, tentative while only proposed', () => {
    const allDay = hearingICalendar({ ...hearing, startsAt: null, status: 'date_proposed' }, new Date());
    expect(allDay).toContain('\r\nDTSTART;VALUE=DATE:20270603\r\nDTEND;VALUE=DATE:20270604\r\n');
    expect(allDay).toContain('\r\nSTATUS:TENTATIVE\r\n');
  });

  it("lasts the hearing's expected duration when one is recorded", () => {
    expect(hearingICalendar({ ...hearing, durationMinutes: 210 }, new Date())).toContain(
      '\r\nDURATION:PT3H30M\r\n',
    );
    expect(hearingICalendar({ ...hearing, durationMinutes: 45 }, new Date())).toContain(
      '\r\nDURATION:PT45M\r\n',
    );
    expect(hearingICalendar({ ...hearing, durationMinutes: null }, new Date())).toContain(
      '\r\nDURATION:PT7H\r\n',
    );
  });

  it('folds without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = fold(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(text('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});
