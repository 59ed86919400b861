import { FORCE_CODES, readPrecedentRecord, type PrecedentRecord } from '@precedent/exchange';
import { readPublicKey, type PublicKey } from '../signing/page-signature.rules';

/** A force this instance harvests precedents from, as PEERS names it. */
export interface Peer {
  force: string;
  /** The feed's address, without a query: `after` and `limit` are added. */
  url: string;
  keys: PublicKey[];
  token: string;
}

/**
 * Reads PEERS: a JSON array of {force, url, keys, token}. Problems name the entry and say what to
 * write; values are never repeated (the tokens are secrets).
 */
export function readPeers(text: string, ownForce: string): { peers: Peer[] } | { problems: string[] } {
  if (text.trim() === '') return { peers: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problems: ['PEERS is not JSON: write an array of {"force", "url", "keys", "token"}.'] };
  }
  if (!Array.isArray(value))
    return { problems: ['PEERS must be a JSON array of {"force", "url", "keys", "token"}.'] };
  const problems: string[] = [];
  const peers: Peer[] = [];
  const seen = new Set<string>();
  value.forEach((entry: unknown, index) => {
    const at = `PEERS entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${at} must be an object with "force", "url", "keys" and "token".`);
      return;
    }
    const { force, url, keys, token } = entry as Record<string, unknown>;
    const before = problems.length;
    if (typeof force !== 'string' || !FORCE_CODES.has(force))
      problems.push(`${at}: "force" must be a force code from forces.json, such as kent.`);
    else if (force === ownForce) problems.push(`${at}: "force" is this instance's own force.`);
    else if (seen.has(force)) problems.push(`${at}: ${force} is named twice.`);
    if (typeof url !== 'string' || !/^https?:\/\/[^\s?#]+$/.test(url))
      problems.push(`${at}: "url" must be the feed's http or https address, without a query.`);
    const read = Array.isArray(keys)
      ? keys.map((k) => (typeof k === 'string' ? readPublicKey(k) : null))
      : [];
    if (read.length === 0 || read.some((k) => k === null))
      problems.push(`${at}: "keys" must list the peer's public keys as \`network keys\` prints them.`);
    if (typeof token !== 'string' || token.length < 20)
      problems.push(`${at}: "token" must be the token the peer issued to this force.`);
    if (problems.length > before) return;
    seen.add(force as string);
    peers.push({
      force: force as string,
      url: url as string,
      keys: read as PublicKey[],
      token: token as string,
    });
  });
  return problems.length > 0 ? { problems } : { peers };
}

/** Minutes before a peer that failed `failures` times in a row is tried again: 1, 2, 4 … up to 6 hours. */
export function retryDelayMinutes(failures: number): number {
  return Math.min(360, 2 ** Math.max(0, Math.min(failures - 1, 10)));
}

export interface FeedPage {
  next: string;
  more: boolean;
  records: PrecedentRecord[];
}

/**
 * Checks a signed page's contents: it must be the answer to this request (the peer's force, the
 * cursor asked for: an old page replayed is refused), and every record valid and the peer's own.
 * One bad record refuses the page: nothing of it is imported, and the peer is asked again later.
 */
export function readFeedPage(
  body: Buffer,
  peer: string,
  after: string,
  today: string,
): { page: FeedPage } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { problem: 'the page is not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { problem: 'the page is not a JSON object' };
  const page = value as Record<string, unknown>;
  if (page.formatVersion !== 1) return { problem: 'the page is not exchange format version 1' };
  if (page.force !== peer) return { problem: `the page is not ${peer}'s` };
  if (page.after !== after) return { problem: 'the page does not answer the cursor asked for' };
  if (typeof page.next !== 'string' || !/^\d{1,19}$/.test(page.next) || BigInt(page.next) < BigInt(after))
    return { problem: 'the page has no valid next cursor' };
  if (typeof page.more !== 'boolean' || !Array.isArray(page.records))
    return { problem: 'the page has no records list' };
  const records: PrecedentRecord[] = [];
  for (const [index, item] of page.records.entries()) {
    const reading = readPrecedentRecord(item, today);
    if (!reading.ok) {
      const first = reading.problems[0];
      return { problem: `record ${index + 1} is not valid: ${first.field} ${first.message}`.trim() };
    }
    if (reading.record.force !== peer || !reading.record.ref.startsWith(`${peer}:`))
      return { problem: `record ${index + 1} is not ${peer}'s own` };
    records.push(reading.record);
  }
  return { page: { next: page.next, more: page.more, records } };
}

/** A cursor as the feed takes it: digits, at most a bigint; empty means the beginning. */
export function readCursor(text: unknown): bigint | null {
  if (text === undefined || text === '') return 0n;
  if (typeof text !== 'string' || !/^\d{1,19}$/.test(text)) return null;
  const value = BigInt(text);
  return value <= 9_223_372_036_854_775_807n ? value : null;
}
