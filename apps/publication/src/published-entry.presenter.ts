import { format, parseISO, subDays } from 'date-fns';
import type { PublishedNotice } from '@precedent/hearings';

/** What the public pages show of one entry: words only, every date spelled out. */
export interface EntryView {
  id: string;
  href: string;
  title: string;
  kind: 'Hearing notice' | 'Outcome report';
  rows: { key: { text: string }; value: { text: string } }[];
  outcomeSummary: string | null;
  lastDay: string;
}

const NOT_PUBLISHED = "Not published (the chair's decision)";

export function dateInWords(day: string): string {
  return format(parseISO(day), 'EEEE d MMMM yyyy');
}

/** 14:30 → 2:30pm; 10:00 → 10am, as GOV.UK writes times. */
export function timeInWords(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const suffix = h >= 12 ? 'pm' : 'am';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`;
}

export function entryTitle(entry: PublishedNotice): string {
  const on = dateInWords(entry.hearingOn);
  return entry.kind === 'hearing_notice'
    ? `${entry.forum} on ${on}`
    : `Outcome of the ${entry.forum.toLowerCase()} on ${on}`;
}

export function presentEntry(entry: PublishedNotice): EntryView {
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  const rows = [
    row('Date', dateInWords(entry.hearingOn)),
    ...(entry.startsAt ? [row('Time', timeInWords(entry.startsAt))] : []),
    row('Place', entry.place ?? NOT_PUBLISHED),
    row('Officer', entry.officerName ?? NOT_PUBLISHED),
    row('Rank', entry.officerRank ? sentence(entry.officerRank) : NOT_PUBLISHED),
    row('Conduct alleged', entry.conduct),
    ...(entry.outcome ? [row('Outcome', sentence(entry.outcome))] : []),
  ];
  return {
    id: entry.id,
    href: `/notices/${entry.id}`,
    title: entryTitle(entry),
    kind: entry.kind === 'hearing_notice' ? 'Hearing notice' : 'Outcome report',
    rows,
    outcomeSummary: entry.outcomeSummary,
    lastDay: dateInWords(format(subDays(parseISO(entry.removeOn), 1), 'yyyy-MM-dd')),
  };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The Atom feed (RFC 4287) of what is showing: each entry's id is its public id as a URN, its link
 * the entry's page. `updated` is the newest entry's publication, or `now` when there is none.
 */
export function atomFeed(entries: PublishedNotice[], base: string, title: string, now: Date): string {
  const newest = entries.reduce<Date | null>(
    (latest, e) => (latest === null || e.publishedAt > latest ? e.publishedAt : latest),
    null,
  );
  const items = entries.map((entry) => {
    const view = presentEntry(entry);
    const summary = view.rows.map((r) => `${r.key.text}: ${r.value.text}`).join('\n');
    return [
      '  <entry>',
      `    <id>urn:uuid:${entry.id}</id>`,
      `    <title>${xml(`${view.kind}: ${view.title}`)}</title>`,
      `    <updated>${entry.publishedAt.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(base + view.href)}"/>`,
      `    <summary type="text">${xml(entry.outcomeSummary ? `${summary}\n${entry.outcomeSummary}` : summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(title)}</title>`,
    `  <id>${xml(base + '/')}</id>`,
    `  <updated>${(newest ?? now).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(base + '/feed.atom')}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(base + '/')}"/>`,
    '  <author><name>Professional Standards Department</name></author>',
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
