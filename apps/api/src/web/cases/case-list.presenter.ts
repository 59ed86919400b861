/** A case reference as people type it in the search box. */
const REFERENCE = /^PSD-\d{4}-\d{5}$/i;

/**
 * Why a case is in the search results, in a sentence: its reference, or the searched words its
 * summary has, the rest having been found in its conduct items (the search covers both). Words
 * are compared by their stem, as the search does ("posting" finds "posted").
 */
export function whyMatched(kase: { reference: string; summary: string }, q: string): string | null {
  const query = q.trim();
  if (!query) return null;
  if (REFERENCE.test(query)) return `Its reference is ${kase.reference}.`;
  const words = query.split(/\s+/).filter((word) => /\w/.test(word));
  const summary = kase.summary.toLowerCase();
  const stem = (word: string) =>
    word
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '')
      .slice(0, Math.max(4, word.length - 3));
  const inSummary = words.filter((word) => stem(word) && summary.includes(stem(word)));
  const elsewhere = words.filter((word) => !inSummary.includes(word));
  const quote = (list: string[]) => list.map((word) => `“${word}”`).join(', ');
  const parts = [
    ...(inSummary.length ? [`the summary mentions ${quote(inSummary)}`] : []),
    ...(elsewhere.length ? [`a conduct item mentions ${quote(elsewhere)}`] : []),
  ];
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** What the case list counts, in words, so it reads the same as My work's link to it. */
export function listCaption(total: number, filters: { mine: boolean; open: boolean; q: string }): string {
  const cases = `${total} ${filters.open ? 'open ' : ''}case${total === 1 ? '' : 's'}`;
  const whose = filters.mine ? ' assigned to you' : ' you may open';
  const found = filters.q ? ` found for “${filters.q}”` : '';
  return `${cases}${whose}${found}`;
}
