/**
 * Each person's part in a group chat: what they sent, the media they shared, what they received
 * while a member. In a group case each officer's part differs (author, sharer, or a member who saw
 * and did not challenge), so the view is per participant. Membership comes from the chat's own
 * system lines (added, joined, left, removed; English exports); without them a participant counts
 * as a member for the whole export, and the view says so.
 */
export interface ChatLine {
  seq: number;
  author: string | null;
  kind: 'message' | 'system' | 'post' | 'comment';
  text: string;
  facts: string[];
  postedAt: Date | null;
}

export interface ParticipantPart {
  name: string;
  sent: number;
  mediaShared: number;
  deleted: number;
  /** Messages by others while this person was a member. */
  received: number;
  firstSent: Date | null;
  lastSent: Date | null;
  /** Membership periods as sequence numbers in the chat, from the system lines. */
  membership: { fromSeq: number | null; toSeq: number | null }[];
  membershipFrom: 'system_lines' | 'whole_export';
}

const ADDED = /^(.+?) added (.+)$/;
const JOINED = /^(.+?) joined using this group's invite link$/;
const LEFT = /^(.+?) left$/;
const REMOVED = /^(.+?) removed (.+)$/;
const CREATED = /^(.+?) created group /;

function names(list: string): string[] {
  return list
    .split(/, | and /)
    .map((n) => n.replace(/^~\s?/, '').trim())
    .filter(Boolean);
}

export function participantParts(lines: ChatLine[]): ParticipantPart[] {
  const sorted = [...lines].sort((a, b) => a.seq - b.seq);
  const periods = new Map<string, { fromSeq: number | null; toSeq: number | null }[]>();
  const open = (name: string, seq: number | null) => {
    const list = periods.get(name) ?? [];
    if (!list.some((p) => p.toSeq === null)) list.push({ fromSeq: seq, toSeq: null });
    periods.set(name, list);
  };
  const close = (name: string, seq: number) => {
    const list = periods.get(name) ?? [{ fromSeq: null, toSeq: null }];
    const current = list.find((p) => p.toSeq === null);
    if (current) current.toSeq = seq;
    periods.set(name, list);
  };
  for (const line of sorted) {
    if (line.kind !== 'system') continue;
    const text = line.text.trim();
    let m: RegExpExecArray | null;
    if ((m = CREATED.exec(text))) open(m[1].replace(/^~\s?/, ''), line.seq);
    else if ((m = JOINED.exec(text))) open(m[1].replace(/^~\s?/, ''), line.seq);
    else if ((m = LEFT.exec(text))) close(m[1].replace(/^~\s?/, ''), line.seq);
    else if ((m = REMOVED.exec(text))) names(m[2]).forEach((n) => close(n, line.seq));
    else if ((m = ADDED.exec(text))) names(m[2]).forEach((n) => open(n, line.seq));
  }

  const authors = [...new Set(sorted.map((l) => l.author).filter((a): a is string => a !== null))];
  const messages = sorted.filter((l) => l.author !== null && l.kind !== 'system');
  return authors.map((name) => {
    const mine = messages.filter((l) => l.author === name);
    const known = periods.get(name);
    const membership = known ?? [{ fromSeq: null, toSeq: null }];
    const member = (seq: number) =>
      membership.some(
        (p) => (p.fromSeq === null || seq >= p.fromSeq) && (p.toSeq === null || seq <= p.toSeq),
      );
    const times = mine.map((l) => l.postedAt).filter((t): t is Date => t !== null);
    return {
      name,
      sent: mine.length,
      mediaShared: mine.filter((l) => l.facts.includes('attachment') || l.facts.includes('media_omitted'))
        .length,
      deleted: mine.filter((l) => l.facts.includes('deleted')).length,
      received: messages.filter((l) => l.author !== name && member(l.seq)).length,
      firstSent: times[0] ?? null,
      lastSent: times[times.length - 1] ?? null,
      membership,
      membershipFrom: known ? 'system_lines' : 'whole_export',
    };
  });
}
