import type { Category, Target } from '@precedent/exchange';
import { normaliseText } from '../text/text-matching.rules';

export interface LexiconTerm {
  id: string;
  term: string;
  category: Category;
  target: Target | null;
  note: string;
}

export interface TermMatch {
  entryId: string;
  term: string;
  category: Category;
  target: Target | null;
  note: string;
  /** The span of the original text that matched, in UTF-16 offsets [start, end). */
  start: number;
  end: number;
  text: string;
}

export interface TermSuggestions {
  categories: { category: Category; terms: string[] }[];
  targets: { target: Target; terms: string[] }[];
  matches: TermMatch[];
}

/**
 * Suggests categories and targets for a comment from the lexicon, after the same normalisation
 * as the comparables (so "g0 b4ck t0 wh3re..." still matches), with the spans that triggered
 * them. A match must start and end at word edges in the original text, so a short term inside a
 * longer word does not count. Suggestions only: the investigator confirms.
 */
export function suggestTerms(text: string, lexicon: readonly LexiconTerm[]): TermSuggestions {
  const comment = normaliseText(text);
  const matches: TermMatch[] = [];
  for (const entry of lexicon) {
    const term = normaliseText(entry.term).letters;
    if (term.length === 0) continue;
    for (
      let from = comment.letters.indexOf(term);
      from >= 0;
      from = comment.letters.indexOf(term, from + 1)
    ) {
      const start = comment.offsets[from];
      const lastLetter = comment.offsets[from + term.length - 1];
      const end = endOfRun(text, lastLetter);
      if (!atWordEdge(text, start - 1) || !atWordEdge(text, end)) continue;
      matches.push({
        entryId: entry.id,
        term: entry.term,
        category: entry.category,
        target: entry.target,
        note: entry.note,
        start,
        end,
        text: text.slice(start, end),
      });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const categories = new Map<Category, Set<string>>();
  const targets = new Map<Target, Set<string>>();
  for (const match of matches) {
    categories.set(match.category, (categories.get(match.category) ?? new Set()).add(match.term));
    if (match.target) targets.set(match.target, (targets.get(match.target) ?? new Set()).add(match.term));
  }
  return {
    categories: [...categories].map(([category, terms]) => ({ category, terms: [...terms] })),
    targets: [...targets].map(([target, terms]) => ({ target, terms: [...terms] })),
    matches,
  };
}

/** A repeated last letter ("sooo") belongs to the match. */
function endOfRun(text: string, lastLetter: number): number {
  const letter = text[lastLetter].toLowerCase();
  let end = lastLetter + 1;
  while (end < text.length && text[end].toLowerCase() === letter) end++;
  return end;
}

function atWordEdge(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return true;
  return !/[\p{L}\p{N}]/u.test(text[at]);
}
