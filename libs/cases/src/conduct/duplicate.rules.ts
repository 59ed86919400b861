import { addDays, format, parseISO } from 'date-fns';

/**
 * Possible duplicates at intake (issue 3): the same subject in another case whose dates overlap, or a
 * conduct item whose text is near-identical to one in another case. Warnings only: nothing is blocked.
 */
export const DUPLICATE_KINDS = ['same_subject', 'similar_conduct'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

export interface DuplicateWarning {
  kind: DuplicateKind;
  caseId: string;
  reference: string;
  reason: string;
}

/** Trigram similarity (pg_trgm, 0..1) from which two conduct texts count as near-identical. */
export const SIMILAR_TEXT_THRESHOLD = 0.6;
/** Days either side of a case's period within which another case's period still counts as overlapping. */
export const OVERLAP_SLACK_DAYS = 30;

/** A case's period: from its earliest conduct (or when it came to attention) to when it was received. */
export interface CasePeriod {
  from: string;
  to: string;
}

export function casePeriod(c: {
  receivedAt: string;
  cameToAttentionOn: string;
  earliestPostedOn: string | null;
}): CasePeriod {
  const starts = [c.receivedAt, c.cameToAttentionOn, ...(c.earliestPostedOn ? [c.earliestPostedOn] : [])];
  const ends = [c.receivedAt, c.cameToAttentionOn];
  return { from: starts.sort()[0], to: ends.sort()[ends.length - 1] };
}

/** Whether two periods overlap, allowing `slackDays` either side. */
export function periodsOverlap(a: CasePeriod, b: CasePeriod, slackDays = OVERLAP_SLACK_DAYS): boolean {
  const shift = (d: string, n: number) => format(addDays(parseISO(d), n), 'yyyy-MM-dd');
  return shift(a.from, -slackDays) <= b.to && b.from <= shift(a.to, slackDays);
}

export function sameSubjectReason(s: { staffNumber: string; force: string }, other: CasePeriod): string {
  return `The same subject (staff number ${s.staffNumber}, ${s.force}) is in this case, covering ${other.from} to ${other.to}.`;
}

export function similarConductReason(similarity: number): string {
  return `A conduct item's text is ${Math.round(similarity * 100)}% similar to one in this case.`;
}
