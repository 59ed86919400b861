import { findWords, type TermMatch } from '@precedent/analytics';
import { words } from '../common/code-words';
import { escapeXml } from './charts/svg-charts';

/** A span of text to mark, with the reason on hover and to assistive tech via the title. */
export interface TextMark {
  start: number;
  end: number;
  title: string;
}

/** A passage of the text that matches something elsewhere (a conduct item), marked and labelled. */
export interface PassageMark {
  start: number;
  end: number;
  /** The mark's id, so a list of the passages can link to it. */
  id: string;
  /** Said before the passage, in words: "Matches conduct item 2". */
  label: string;
}

/** The lexicon's matches as marks, with why each was matched. */
export function termMarks(matches: readonly TermMatch[]): TextMark[] {
  return matches.map((match) => ({
    start: match.start,
    end: match.end,
    title: `${words(match.category)}${match.target ? `, ${words(match.target)}` : ''}: ${match.note}`,
  }));
}

/** The words of a search (`?q=`) as marks, found as the search finds them. */
export function searchedMarks(text: string, q: string): TextMark[] {
  if (!q) return [];
  return findWords(text, q).map((span) => ({ ...span, title: `A word you searched for: ${q}` }));
}

/**
 * The text as HTML, everything escaped, with the passages marked and labelled and, inside and
 * outside them, the single marks (lexicon terms, searched words). Marks never overlap in the HTML:
 * of overlapping marks of one kind the earlier wins, and a single mark crossing a passage's edge
 * is cut there, so every tag closes where it opened.
 */
export function markedHtml(
  text: string,
  marks: readonly TextMark[],
  passages: readonly PassageMark[] = [],
): string {
  const singles = apart(marks);
  let html = '';
  let at = 0;
  for (const passage of apart(passages)) {
    html += inner(text, at, passage.start, singles);
    html +=
      `<strong class="govuk-tag govuk-tag--blue">${escapeXml(passage.label)}</strong> ` +
      `<mark class="app-passage" id="${escapeXml(passage.id)}">${inner(text, passage.start, passage.end, singles)}</mark>` +
      `<span class="govuk-visually-hidden"> (end of the passage)</span>`;
    at = passage.end;
  }
  return html + inner(text, at, text.length, singles);
}

/** Sorted by start; a span overlapping one kept before it is left out. */
function apart<T extends { start: number; end: number }>(spans: readonly T[]): T[] {
  const kept: T[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (span.end <= span.start) continue;
    if (kept.length && span.start < kept[kept.length - 1].end) continue;
    kept.push(span);
  }
  return kept;
}

/** [from, to) of the text, escaped, with the single marks inside it (cut to it) marked. */
function inner(text: string, from: number, to: number, marks: readonly TextMark[]): string {
  let html = '';
  let at = from;
  for (const mark of marks) {
    const start = Math.max(mark.start, from);
    const end = Math.min(mark.end, to);
    if (end <= start) continue;
    html += escapeXml(text.slice(at, start));
    html += `<mark class="app-term" title="${escapeXml(mark.title)}">${escapeXml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeXml(text.slice(at, to));
}
