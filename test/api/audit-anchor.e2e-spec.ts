import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AUDIT_ANCHOR_SCHEDULER, AUDIT_QUEUE } from '@precedent/audit';
import { eventHash } from '../../libs/audit/src/audit-chain.rules';
import { runCli } from '../support/cli';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually, jobSchedulers, startTestWorker } from '../support/test-worker';

interface AnchorLine {
  id: string;
  hash: string;
  count: number;
  anchoredAt: string;
  by: string;
  chain?: { system: string; database: string; genesis: string };
}

interface EventRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  request_id: string | null;
  result: string;
  details: string | null;
  prev_hash: string;
  hash: string;
}

describe('audit anchors: the head of the log kept outside the database', () => {
  let api: TestApi;
  let worker: INestApplication | undefined;
  // per-file-database.ts gives this file an anchor file of its own
  const anchorFile = () => process.env.AUDIT_ANCHOR_FILE!;
  const noAnchorFile = () => join(dirname(anchorFile()), 'never-written.jsonl');

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  const anchors = (): AnchorLine[] =>
    existsSync(anchorFile())
      ? readFileSync(anchorFile(), 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as AnchorLine)
      : [];

  /** This database's chain: its server, its oid and its first event's hash. */
  async function chain(): Promise<{ system: string; database: string; genesis: string }> {
    const [row] = await api.dataSource.query<{ system: string; database: string; genesis: string }[]>(
      `SELECT (SELECT system_identifier::text FROM pg_control_system()) AS system,
              (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS database,
              (SELECT hash FROM audit_events ORDER BY id LIMIT 1) AS genesis`,
    );
    return row;
  }

  async function head(): Promise<{ id: string; hash: string; count: number }> {
    const [row] = await api.dataSource.query<{ id: string; hash: string; count: string }[]>(
      `SELECT id, hash, (SELECT count(*) FROM audit_events) AS count FROM audit_events ORDER BY id DESC LIMIT 1`,
    );
    return { id: String(row.id), hash: row.hash, count: Number(row.count) };
  }

  /** As a superuser could: switch the guard off, change the table, switch it on again. */
  async function unguarded(sql: string, parameters: unknown[]): Promise<void> {
    await api.dataSource.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete');
    try {
      await api.dataSource.query(sql, parameters);
    } finally {
      await api.dataSource.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete');
    }
  }

  it('appends the head with `audit anchor`, and `audit verify` checks the log against it', async () => {
    await api.signedIn(['admin']);
    const now = await head();
    expect(existsSync(anchorFile())).toBe(false);

    const anchored = runCli(['audit', 'anchor']);
    expect(anchored.stderr).toBe('');
    expect(anchored.status).toBe(0);
    expect(anchored.stdout).toContain(
      `Anchored the audit chain in ${anchorFile()}: event ${now.id}, hash ${now.hash}, ${now.count} events.`,
    );
    expect(anchors()).toEqual([
      {
        id: now.id,
        hash: now.hash,
        count: now.count,
        anchoredAt: expect.any(String),
        by: 'cli',
        chain: await chain(),
      },
    ]);

    const verified = runCli(['audit', 'verify']);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain(`Audit chain intact: ${now.count} events verified.`);
    expect(verified.stdout).toContain(
      `Audit anchors hold: 1 anchors of this database's chain in ${anchorFile()}, the newest at event ${now.id}`,
    );
  });

  it("reports anchors of another database's chain as such, without failing, and checks its own", async () => {
    const ours = await chain();
    const [own] = anchors();
    const foreign = (chainOf: AnchorLine['chain'] | undefined): string =>
      JSON.stringify({
        // an event this log never had, with a hash it never had: as another database would anchor
        id: String(BigInt(own.id) + 1_000_000n),
        hash: 'f'.repeat(64),
        count: own.count + 1_000_000,
        anchoredAt: own.anchoredAt,
        by: 'cli',
        ...(chainOf ? { chain: chainOf } : {}),
      }) + '\n';
    // another server (a restore elsewhere, a second environment), another database on this server
    // (a test run sharing the folder, the database created again), and one from before chains were named
    appendFileSync(anchorFile(), foreign({ ...ours, system: '1', genesis: 'e'.repeat(64) }));
    appendFileSync(anchorFile(), foreign({ ...ours, database: '1', genesis: 'e'.repeat(64) }));
    appendFileSync(anchorFile(), foreign(undefined));

    const verified = runCli(['audit', 'verify']);
    expect(verified.stdout).toContain(
      `Audit anchors hold: 1 anchors of this database's chain in ${anchorFile()}, the newest at event ${own.id}`,
    );
    expect(verified.stdout).toContain('2 anchors in the file are of another chain');
    expect(verified.stdout).toContain('1 anchors in the file were written before anchors named their chain');
    expect(verified.stdout).not.toContain('NOT match');
    expect(verified.status).toBe(0);

    // an anchor of this chain with a first event the log does not start with: rewritten from its start
    appendFileSync(
      anchorFile(),
      foreign({ ...ours, genesis: 'e'.repeat(64) }).replace('f'.repeat(64), own.hash),
    );
    const rewritten = runCli(['audit', 'verify']);
    expect(rewritten.status).toBe(1);
    expect(rewritten.stdout).toContain(`Audit log does NOT match anchor ${anchorFile()} line 5`);
    expect(rewritten.stdout).toContain("the log's first event is not the one anchored");
    // the line removed again: the file as the other tests expect it, foreign lines and all
    const lines = readFileSync(anchorFile(), 'utf8').split('\n');
    lines.splice(4, 1);
    writeFileSync(anchorFile(), lines.join('\n'));
    expect(runCli(['audit', 'verify']).status).toBe(0);
  });

  it('is anchored by the worker on a schedule, the first time as it starts', async () => {
    await api.signedIn(['investigator']);
    const before = await head();

    worker = await startTestWorker();
    const written = await eventually(async () => anchors().find((a) => a.by === 'worker'), {
      what: "the worker's anchor",
    });
    expect(BigInt(written.id)).toBeGreaterThanOrEqual(BigInt(before.id));
    const [row] = await api.dataSource.query<{ hash: string }[]>(
      `SELECT hash FROM audit_events WHERE id = $1`,
      [written.id],
    );
    expect(written.hash).toBe(row.hash);

    expect(await jobSchedulers(AUDIT_QUEUE)).toEqual([
      expect.objectContaining({ key: AUDIT_ANCHOR_SCHEDULER, every: 60 * 60_000 }),
    ]);
    await worker.close();
    worker = undefined;
    expect(runCli(['audit', 'verify']).status).toBe(0);
  });

  it('fails naming the anchor when an anchored event is rewritten, even with its hash recomputed', async () => {
    await api.signedIn(['admin']);
    expect(runCli(['audit', 'anchor']).status).toBe(0);
    const line = anchors().length;
    const [original] = await api.dataSource.query<EventRow[]>(
      `SELECT * FROM audit_events ORDER BY id DESC LIMIT 1`,
    );
    const forged = { ...original, actor_name: 'someone else' };
    const forgedHash = eventHash(forged.prev_hash, {
      id: String(forged.id),
      occurredAt: forged.occurred_at,
      actorId: forged.actor_id,
      actorName: forged.actor_name,
      action: forged.action,
      entityType: forged.entity_type,
      entityId: forged.entity_id,
      requestId: forged.request_id,
      result: forged.result,
      details: forged.details,
    });
    await unguarded(`UPDATE audit_events SET actor_name = $2, hash = $3 WHERE id = $1`, [
      original.id,
      forged.actor_name,
      forgedHash,
    ]);
    try {
      const rewritten = runCli(['audit', 'verify']);
      // the newest event rewritten with a fresh hash still links: only the anchor tells
      expect(rewritten.stdout).toContain('Audit chain intact');
      expect(rewritten.status).toBe(1);
      expect(rewritten.stdout).toContain(`Audit log does NOT match anchor ${anchorFile()} line ${line}`);
      expect(rewritten.stdout).toContain(`event ${original.id}`);
      expect(rewritten.stdout).toContain('has a different hash');
    } finally {
      await unguarded(`UPDATE audit_events SET actor_name = $2, hash = $3 WHERE id = $1`, [
        original.id,
        original.actor_name,
        original.hash,
      ]);
    }
    expect(runCli(['audit', 'verify']).status).toBe(0);
  });

  it('fails naming the anchor when the newest events are removed, which the chain alone cannot show', async () => {
    const anchored = anchors();
    const newest = anchored[anchored.length - 1];
    // events after the last anchor, then the tail cut back to before it
    await api.signedIn(['investigator']);
    expect(BigInt((await head()).id)).toBeGreaterThan(BigInt(newest.id));
    await unguarded(`DELETE FROM audit_events WHERE id >= $1`, [newest.id]);

    const chainOnly = runCli(['audit', 'verify'], { AUDIT_ANCHOR_FILE: noAnchorFile() });
    expect(chainOnly.status).toBe(0);
    expect(chainOnly.stdout).toContain('Audit chain intact');
    expect(chainOnly.stdout).toContain(`No anchor file at ${noAnchorFile()}`);

    const cut = runCli(['audit', 'verify']);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toContain(`Audit log does NOT match anchor ${anchorFile()} line ${anchored.length}`);
    expect(cut.stdout).toContain(`event ${newest.id}, anchored at ${newest.anchoredAt}, is missing`);

    // a copy taken off the host, named with --anchor
    const copy = join(dirname(anchorFile()), 'offsite-copy.jsonl');
    copyFileSync(anchorFile(), copy);
    const offsite = runCli(['audit', 'verify', '--anchor', copy], { AUDIT_ANCHOR_FILE: noAnchorFile() });
    expect(offsite.status).toBe(1);
    expect(offsite.stdout).toContain(`Audit log does NOT match anchor ${copy} line ${anchored.length}`);

    // a named file that is not there is an error, not a pass
    const missing = runCli(['audit', 'verify', '--anchor', noAnchorFile()]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain(
      `No anchor file at ${noAnchorFile()}: check the path given to --anchor.`,
    );
  });
});
