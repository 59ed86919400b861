import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Env } from '@precedent/platform';
import {
  type AnchorMismatch,
  anchorsByChain,
  anchoredIds,
  anchorLine,
  type AuditAnchor,
  type ChainIdentity,
  checkAnchors,
  readAnchorFile,
  type StoredEvent,
} from './audit-anchor.rules';

export type AnchorCheck =
  /** No anchor file: nothing to compare with. */
  | { status: 'absent'; file: string }
  | { status: 'unreadable'; file: string; line: number; reason: string }
  | { status: 'mismatch'; file: string; mismatch: AnchorMismatch }
  | {
      status: 'held';
      file: string;
      /** Anchors of this chain, all checked. */
      anchors: number;
      newest: AuditAnchor | null;
      /** Anchors of another database's chain, reported and not checked. */
      otherChain: number;
      /** Anchors from before anchors named their chain, reported and not checked. */
      unnamed: number;
    };

/** The server, database and first event that name this database's chain, in one snapshot. */
const CHAIN_SQL = `
  (SELECT system_identifier::text FROM pg_control_system()) AS system,
  (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS database,
  (SELECT hash FROM audit_events ORDER BY id ASC LIMIT 1) AS genesis`;

/** Writes the audit chain's head to a file outside the database, and checks the log against it. */
@Injectable()
export class AuditAnchors {
  private readonly logger = new Logger(AuditAnchors.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Env,
  ) {}

  /** The configured anchor file, as an absolute path. */
  defaultFile(): string {
    return resolve(this.env.AUDIT_ANCHOR_FILE);
  }

  /**
   * Appends the current head to the anchor file and logs it. Returns null, writing nothing, while the
   * log is empty. Appending only: earlier anchors are never rewritten.
   */
  async anchor(by: string, file = this.defaultFile()): Promise<AuditAnchor | null> {
    // one statement, one snapshot: the count and the head belong together
    const [head] = await this.dataSource.query<
      ({ id: string; hash: string; count: string } & ChainIdentity)[]
    >(
      `SELECT id, hash, (SELECT count(*) FROM audit_events) AS count, ${CHAIN_SQL}
         FROM audit_events ORDER BY id DESC LIMIT 1`,
    );
    if (!head) {
      this.logger.log('The audit log is empty: there is no head to anchor yet.');
      return null;
    }
    const anchor: AuditAnchor = {
      id: String(head.id),
      hash: head.hash,
      count: Number(head.count),
      anchoredAt: new Date().toISOString(),
      by,
      chain: { system: head.system, database: head.database, genesis: head.genesis },
    };
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(file, 'a', 0o640);
    try {
      await handle.appendFile(anchorLine(anchor));
      // an anchor that a crash can lose proves nothing
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.logger.log(
      `Audit chain anchored in ${file}: event ${anchor.id}, hash ${anchor.hash}, ${anchor.count} events.`,
    );
    return anchor;
  }

  /** Compares the log with every anchor in the file; a missing file is `absent`, not a failure. */
  async check(file = this.defaultFile()): Promise<AnchorCheck> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent', file };
      throw error;
    }
    const reading = readAnchorFile(text);
    const [damaged] = reading.unreadable;
    if (damaged) return { status: 'unreadable', file, ...damaged };

    const [ours] = await this.dataSource.query<ChainIdentity[]>(`SELECT ${CHAIN_SQL}`);
    const byChain = anchorsByChain(reading.anchors, ours);
    const ids = anchoredIds(byChain.own);
    const rows = await this.dataSource.query<{ id: string; hash: string }[]>(
      `SELECT id::text AS id, hash FROM audit_events WHERE id = ANY($1::bigint[])`,
      [ids],
    );
    const stored = new Map<string, StoredEvent>(rows.map((row) => [row.id, { hash: row.hash }]));
    const [{ count }] = await this.dataSource.query<{ count: string }[]>('SELECT count(*) FROM audit_events');
    const mismatch = checkAnchors(byChain.own, stored, Number(count), ours.genesis);
    if (mismatch) return { status: 'mismatch', file, mismatch };
    return {
      status: 'held',
      file,
      anchors: byChain.own.length,
      newest: byChain.own.at(-1)?.anchor ?? null,
      otherChain: byChain.other.length,
      unnamed: byChain.unnamed.length,
    };
  }
}
