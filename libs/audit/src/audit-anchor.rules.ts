/**
 * Anchors: the chain's head written outside the database, one JSON line at a time. The hash chain
 * shows an event altered or removed in the middle, but not the newest events removed: the shorter
 * chain still links. An anchor says "the log held at least this event, with this hash", so removing
 * or rewriting anything up to it is seen even by someone who can switch the database's guard off.
 */

/**
 * Which log an anchor belongs to. An anchor file can outlive its database (a restore into a new
 * server, a second environment or a test run sharing the folder, a database dropped and created
 * again): anchors of another log say nothing about this one, so they are reported, not checked.
 * The server's system identifier and the database's oid tell which database wrote the anchor, and
 * both survive any change to the rows, so a log emptied or rewritten from its first event is still
 * this chain and fails; the first event's hash shows such a rewrite.
 */
export interface ChainIdentity {
  /** `system_identifier` of the PostgreSQL server (pg_control_system), fixed when it was initialised. */
  system: string;
  /** The database's oid on that server: a database created again gets a new one. */
  database: string;
  /** The hash of the log's first event; null while the log is empty. */
  genesis: string | null;
}

/** One line of the anchor file. */
export interface AuditAnchor {
  /** The newest event when the anchor was taken. */
  id: string;
  hash: string;
  /** How many events the log held then. */
  count: number;
  /** ISO 8601. */
  anchoredAt: string;
  /** Who wrote it: `worker` (the schedule) or `cli`. */
  by: string;
  /** The chain it anchors; absent on anchors written before anchors named their chain. */
  chain?: ChainIdentity;
}

/** An anchor together with its line in the file, so a failure can point at it. */
export interface NumberedAnchor {
  line: number;
  anchor: AuditAnchor;
}

export interface AnchorFileReading {
  anchors: NumberedAnchor[];
  /** Lines that are not anchors: the file was damaged, so it proves nothing about what came after. */
  unreadable: { line: number; reason: string }[];
}

/** What the log holds for an anchored event id, or undefined when it holds no such event. */
export type StoredEvent = { hash: string } | undefined;

export interface AnchorMismatch {
  line: number;
  anchor: AuditAnchor;
  reason: string;
}

/** The text appended to the anchor file for one anchor: one line, newline-terminated. */
export function anchorLine(anchor: AuditAnchor): string {
  return (
    JSON.stringify({
      id: anchor.id,
      hash: anchor.hash,
      count: anchor.count,
      anchoredAt: anchor.anchoredAt,
      by: anchor.by,
      ...(anchor.chain ? { chain: anchor.chain } : {}),
    }) + '\n'
  );
}

/** Reads every anchor in the file's text; blank lines are skipped, anything else malformed is reported. */
export function readAnchorFile(text: string): AnchorFileReading {
  const reading: AnchorFileReading = { anchors: [], unreadable: [] };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      reading.unreadable.push({ line, reason: 'it is not JSON' });
      return;
    }
    const problem = anchorProblem(value);
    if (problem) reading.unreadable.push({ line, reason: problem });
    else reading.anchors.push({ line, anchor: value as AuditAnchor });
  });
  return reading;
}

function anchorProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'it is not an object';
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || !/^[1-9]\d*$/.test(v.id)) return 'its id is not an event id';
  if (typeof v.hash !== 'string' || !/^[0-9a-f]{64}$/.test(v.hash)) return 'its hash is not a sha256';
  if (typeof v.count !== 'number' || !Number.isInteger(v.count) || v.count < 1)
    return 'its count is not a whole number of events';
  if (typeof v.anchoredAt !== 'string' || Number.isNaN(Date.parse(v.anchoredAt)))
    return 'its anchoredAt is not a time';
  if (typeof v.by !== 'string') return 'it does not say who wrote it';
  if (v.chain !== undefined) {
    const c = v.chain as Record<string, unknown> | null;
    if (
      typeof c !== 'object' ||
      c === null ||
      typeof c.system !== 'string' ||
      !/^\d+$/.test(c.system) ||
      typeof c.database !== 'string' ||
      !/^\d+$/.test(c.database) ||
      typeof c.genesis !== 'string' ||
      !/^[0-9a-f]{64}$/.test(c.genesis)
    )
      return 'its chain is not a server, a database and a first event hash';
  }
  return null;
}

export interface AnchorsByChain {
  /** Anchors of this database's chain: the ones checked. */
  own: NumberedAnchor[];
  /** Anchors written by another database (or this one before it was created again). */
  other: NumberedAnchor[];
  /** Anchors written before anchors named their chain: which log they belong to is not known. */
  unnamed: NumberedAnchor[];
}

/** Sorts the anchors by the chain they name: this database's, another's, or none. */
export function anchorsByChain(anchors: readonly NumberedAnchor[], ours: ChainIdentity): AnchorsByChain {
  const sorted: AnchorsByChain = { own: [], other: [], unnamed: [] };
  for (const numbered of anchors) {
    const chain = numbered.anchor.chain;
    if (!chain) sorted.unnamed.push(numbered);
    else if (chain.system === ours.system && chain.database === ours.database) sorted.own.push(numbered);
    else sorted.other.push(numbered);
  }
  return sorted;
}

/** The distinct event ids the anchors name: the rows to look up. */
export function anchoredIds(anchors: readonly NumberedAnchor[]): string[] {
  return [...new Set(anchors.map(({ anchor }) => anchor.id))];
}

/**
 * Compares the anchors with the log. `stored` holds what the log has for each anchored id;
 * `eventCount` is how many events the log holds now. Returns the first anchor the log contradicts,
 * in file order, or null when every anchored event is there unchanged.
 */
export function checkAnchors(
  anchors: readonly NumberedAnchor[],
  stored: ReadonlyMap<string, StoredEvent>,
  eventCount: number,
  genesis: string | null = null,
): AnchorMismatch | null {
  for (const { line, anchor } of anchors) {
    if (genesis !== null && anchor.chain && anchor.chain.genesis !== genesis) {
      return {
        line,
        anchor,
        reason: `the log's first event is not the one anchored at ${anchor.anchoredAt} (the log was rewritten from its start or replaced in this database)`,
      };
    }
    const event = stored.get(anchor.id);
    if (!event) {
      return {
        line,
        anchor,
        reason: `event ${anchor.id}, anchored at ${anchor.anchoredAt}, is missing (events were removed from the end of the log)`,
      };
    }
    if (event.hash !== anchor.hash) {
      return {
        line,
        anchor,
        reason: `event ${anchor.id}, anchored at ${anchor.anchoredAt}, has a different hash (the event or one before it was rewritten)`,
      };
    }
    if (eventCount < anchor.count) {
      return {
        line,
        anchor,
        reason: `the log holds ${eventCount} events but held ${anchor.count} at ${anchor.anchoredAt} (events were removed)`,
      };
    }
  }
  return null;
}
