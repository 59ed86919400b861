import type { PublishedNotice } from '@precedent/hearings';
import { atomFeed, presentEntry, timeInWords } from './published-entry.presenter';

const notice: PublishedNotice = {
  id: '6f1c1f59-5d7a-4d8e-9a57-0d1f0e6c2b11',
  kind: 'hearing_notice',
  forum: 'Misconduct hearing',
  officerName: 'PC Jordan Fictional',
  officerRank: null,
  hearingOn: '2027-01-06',
  startsAt: '10:00',
  place: 'Force HQ, Committee Room 2',
  conduct: 'Posted a comment <about> a group & more.',
  outcome: null,
  outcomeSummary: null,
  publishFrom: '2026-12-10',
  removeOn: '2027-01-07',
  withdrawnAt: null,
  withdrawnReason: null,
  publishedAt: new Date('2026-12-10T09:00:00Z'),
};

describe('published entries as the public reads them', () => {
  it('spells out dates and times, and says what the chair did not publish', () => {
    const view = presentEntry(notice);
    expect(view.title).toBe('Misconduct hearing on Wednesday 6 January 2027');
    expect(view.rows.map((r) => [r.key.text, r.value.text])).toEqual([
      ['Date', 'Wednesday 6 January 2027'],
      ['Time', '10am'],
      ['Place', 'Force HQ, Committee Room 2'],
      ['Officer', 'PC Jordan Fictional'],
      ['Rank', "Not published (the chair's decision)"],
      ['Conduct alleged', 'Posted a comment <about> a group & more.'],
    ]);
    expect(view.lastDay).toBe('Wednesday 6 January 2027');
    expect(timeInWords('14:30')).toBe('2:30pm');
    expect(timeInWords('12:00')).toBe('12pm');
  });

  it('titles an outcome report by its hearing, with the outcome as a sentence', () => {
    const view = presentEntry({ ...notice, kind: 'outcome_report', outcome: 'dismissal without notice' });
    expect(view.title).toBe('Outcome of the misconduct hearing on Wednesday 6 January 2027');
    expect(view.rows.at(-1)).toEqual({
      key: { text: 'Outcome' },
      value: { text: 'Dismissal without notice' },
    });
  });

  it('writes an Atom feed with absolute links and escaped text', () => {
    const feed = atomFeed([notice], 'https://hearings.force.example', 'Misconduct hearings', new Date());
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed).toContain(`<id>urn:uuid:${notice.id}</id>`);
    expect(feed).toContain(`href="https://hearings.force.example/notices/${notice.id}"`);
    expect(feed).toContain('<updated>2026-12-10T09:00:00.000Z</updated>');
    expect(feed).toContain('Posted a comment &lt;about&gt; a group &amp; more.');
    expect(feed).not.toContain('<about>');
    const empty = atomFeed([], 'https://h.example', 'Misconduct hearings', new Date('2027-01-01T00:00:00Z'));
    expect(empty).toContain('<updated>2027-01-01T00:00:00.000Z</updated>');
    expect(empty).not.toContain('<entry>');
  });
});
