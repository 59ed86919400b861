import { normaliseText } from './text-matching.rules';

/**
 * Where a quoted comment appears in the text read from a screenshot, so the page can mark it.
 *
 * OCR is noisy: look-alike letters, "l" read as "1", "rn" read as "m", words split across line
 * wraps ("some-\nthing"), stray marks. So both texts are compared after the comparables'
 * normalisation (letters only, look-alikes folded, separators and line breaks gone) and aligned
 * locally (Smith–Waterman: +1 a shared letter, −1 a different, missing or extra one), which finds
 * the stretch of the screenshot that best reads as the comment even when a few letters differ
 * and even when the screenshot shows only part of a long comment.
 */

export interface Passage {
  /** The span of the searched text, in UTF-16 offsets [start, end), widened to whole words. */
  start: number;
  end: number;
  /** The alignment's score: shared letters less differing, missing and extra ones. */
  score: number;
  /** How much of the quoted text the passage holds, 0–1 (the score over the quoted letters). */
  coverage: number;
}

const MATCH = 1;
const MISMATCH = -1;
const GAP = -1;
/** Fewer letters than this (about three short words) match by chance too easily to be shown. */
export const PASSAGE_MIN_LETTERS = 16;
/** A passage this strong (eight or so words in agreement; unrelated paragraphs of police prose reach
 * about 25) is the quote, however long the quote. */
const CONVINCING_SCORE = 40;
/** The share of the quote's letters a passage must account for, net of OCR errors. */
const NEEDED_SHARE = 0.5;
/** A very long quote is matched by its first letters: enough to find it, and the page stays fast. */
const MAX_QUOTED_LETTERS = 1500;
/** Letters per shingle in the cheap pre-check that skips texts with nothing in common. */
const SHINGLE = 4;

/**
 * The span of `text` that best matches `quoted`, or null when nothing in `text` reads as it: the
 * alignment must score at least half the quote's letters (or eight or so words' worth for a long
 * quote of which the screenshot shows a part), and never less than PASSAGE_MIN_LETTERS.
 */
export function findPassage(text: string, quoted: string): Passage | null {
  const searched = normaliseText(text);
  const quote = normaliseText(quoted).letters.slice(0, MAX_QUOTED_LETTERS);
  const hay = searched.letters;
  if (quote.length < PASSAGE_MIN_LETTERS || hay.length < PASSAGE_MIN_LETTERS) return null;
  const needed = Math.max(
    PASSAGE_MIN_LETTERS,
    Math.min(Math.ceil(quote.length * NEEDED_SHARE), CONVINCING_SCORE),
  );
  if (!mayShare(hay, quote, needed)) return null;

  // One row of scores at a time, each cell with where in `hay` its alignment began.
  const columns = hay.length + 1;
  let previous = new Int32Array(columns);
  let current = new Int32Array(columns);
  let previousStart = new Int32Array(columns);
  let currentStart = new Int32Array(columns);
  let best = 0;
  let bestStart = -1;
  let bestEnd = -1;
  for (let row = 1; row <= quote.length; row++) {
    const letter = quote.charCodeAt(row - 1);
    current[0] = 0;
    for (let column = 1; column < columns; column++) {
      const diagonal = previous[column - 1];
      let score = diagonal + (hay.charCodeAt(column - 1) === letter ? MATCH : MISMATCH);
      let start = diagonal > 0 ? previousStart[column - 1] : column - 1;
      const up = previous[column] + GAP;
      if (up > score) {
        score = up;
        start = previousStart[column];
      }
      const left = current[column - 1] + GAP;
      if (left > score) {
        score = left;
        start = currentStart[column - 1];
      }
      if (score <= 0) {
        current[column] = 0;
        currentStart[column] = column;
        continue;
      }
      current[column] = score;
      currentStart[column] = start;
      if (score > best) {
        best = score;
        bestStart = start;
        bestEnd = column - 1;
      }
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  if (best < needed) return null;
  const start = wordStart(text, searched.offsets[bestStart]);
  const end = wordEnd(text, searched.offsets[bestEnd]);
  return { start, end, score: best, coverage: Math.min(1, best / quote.length) };
}

/**
 * A cheap pre-check before the alignment: a passage scoring `needed` shares some runs of SHINGLE
 * letters with the quote, so a quote sharing too few cannot match and is not aligned at all.
 */
function mayShare(hay: string, quote: string, needed: number): boolean {
  const shingles = new Set<string>();
  for (let at = 0; at + SHINGLE <= hay.length; at++) shingles.add(hay.slice(at, at + SHINGLE));
  // At most one shingle in SHINGLE + 1 survives an error every SHINGLE + 1 letters; ask for fewer.
  const wanted = Math.max(1, Math.floor(needed / (2 * (SHINGLE + 1))));
  let shared = 0;
  for (let at = 0; at + SHINGLE <= quote.length; at++) {
    if (shingles.has(quote.slice(at, at + SHINGLE)) && ++shared >= wanted) return true;
  }
  return false;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function wordStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && WORD_CHARACTER.test(text[start - 1])) start--;
  return start;
}

/** The end of the word holding `at` (so a repeated last letter, "sooo", is in it too). */
function wordEnd(text: string, at: number): number {
  let end = at + 1;
  while (end < text.length && WORD_CHARACTER.test(text[end])) end++;
  return end;
}

/** A window of `text` around [start, end) of about `around` characters each side, cut at spaces. */
export function excerptWindow(
  text: string,
  start: number,
  end: number,
  around = 60,
): { start: number; end: number } {
  let from = Math.max(0, start - around);
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    from = space >= 0 ? from + space + 1 : start;
  }
  let to = Math.min(text.length, end + around);
  if (to < text.length) {
    const space = text.slice(end, to).search(/\s(?=\S*$)/);
    to = space >= 0 ? end + space : end;
  }
  return { start: from, end: to };
}

/**
 * Where the words of a search appear in `text`, compared as the search compares them (letters
 * only, look-alikes folded): each occurrence that begins a word, to the end of that word.
 */
export function findWords(text: string, query: string): { start: number; end: number }[] {
  const searched = normaliseText(text);
  const spans: { start: number; end: number }[] = [];
  for (const word of query.split(/\s+/)) {
    const letters = normaliseText(word).letters;
    if (letters.length < 2) continue;
    for (
      let from = searched.letters.indexOf(letters);
      from >= 0;
      from = searched.letters.indexOf(letters, from + 1)
    ) {
      const start = searched.offsets[from];
      if (start > 0 && WORD_CHARACTER.test(text[start - 1])) continue;
      spans.push({ start, end: wordEnd(text, searched.offsets[from + letters.length - 1]) });
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The passage of `text` matching each of several quotes (a case's conduct items, by their index),
 * in the order they appear. Where two quotes match overlapping passages (the same post quoted
 * twice, or a reply quoting it), the stronger match keeps the passage.
 */
export function findPassages(text: string, quotes: readonly string[]): (Passage & { quote: number })[] {
  const found = quotes
    .map((quoted, quote) => {
      const passage = findPassage(text, quoted);
      return passage && { ...passage, quote };
    })
    .filter((passage): passage is Passage & { quote: number } => passage !== null)
    .sort((a, b) => b.score - a.score || a.quote - b.quote);
  const kept: (Passage & { quote: number })[] = [];
  for (const passage of found) {
    if (kept.some((other) => passage.start < other.end && other.start < passage.end)) continue;
    kept.push(passage);
  }
  return kept.sort((a, b) => a.start - b.start);
}
