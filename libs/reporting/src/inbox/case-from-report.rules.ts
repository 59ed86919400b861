import type { ReportContent } from '../reports/report-content';

/** The longest summary a case takes. */
export const CASE_SUMMARY_MAX = 4000;

/**
 * A case's summary made from an anonymous report: PSD's own summary (or the reporter's), then what
 * the reporter saw, where, when and the links they gave, so the case stands without the inbox.
 * Cut at the case's limit, saying so, rather than refused.
 */
export function caseSummaryFromReport(content: ReportContent, ownSummary?: string): string {
  const parts = [
    ownSummary?.trim() || content.summary.trim(),
    '',
    `What the reporter saw: ${content.details.trim()}`,
  ];
  const where = [
    content.platform ? `Platform: ${content.platform[0].toUpperCase()}${content.platform.slice(1)}.` : '',
    content.seenAt ? `Seen on ${content.seenAt}.` : '',
  ].filter(Boolean);
  if (where.length > 0) parts.push(where.join(' '));
  if (content.links.length > 0) parts.push(`Links given: ${content.links.join(' ')}`);
  parts.push('(From an anonymous report.)');
  const text = parts.join('\n');
  if (text.length <= CASE_SUMMARY_MAX) return text;
  const cut = ' … (cut: the whole report is in the anonymous inbox)';
  return text.slice(0, CASE_SUMMARY_MAX - cut.length) + cut;
}
