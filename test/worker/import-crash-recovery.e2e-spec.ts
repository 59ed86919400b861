import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYTICS_QUEUE, syntheticPrecedents } from '@precedent/analytics';
import { QueueStatusService } from '@precedent/platform';
import { ChildApp, MAINS } from '../support/child-app';
import { freePort } from '../support/private-redis';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';

interface ImportRow {
  status: string;
  records_read: number;
  records_imported: number;
  records_updated: number;
  records_rejected: number;
  problems: { line: number; field: string }[];
  interruptions: number;
  finished_at: Date | null;
}

const RECORDS = 20_000;

/**
 * A worker killed (SIGKILL) in the middle of an import: the job shows as stalled, and a worker started
 * again takes it over and finishes it from the last committed batch, with the counts of one clean run.
 * The built worker runs as a child process, as in production.
 */
describe('an import whose worker is killed part way', () => {
  let api: TestApi;
  let admin: SignedInUser;
  let worker: ChildApp | undefined;
  const importsDir = mkdtempSync(join(tmpdir(), 'precedent-imports-'));

  beforeAll(async () => {
    process.env.IMPORTS_DIR = importsDir;
    api = await startTestApi();
    admin = await api.signedIn(['admin']);
    // every batch written takes half a second: the import is still part way when the worker is killed
    await api.dataSource.query(`
      CREATE FUNCTION slow_precedent_batches() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(0.5); RETURN NULL; END $$;
      CREATE TRIGGER slow_precedent_batches BEFORE INSERT ON precedents
        FOR EACH STATEMENT EXECUTE FUNCTION slow_precedent_batches();`);
  });

  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    delete process.env.IMPORTS_DIR;
    rmSync(importsDir, { recursive: true, force: true });
  });

  const startWorker = async () => {
    const port = await freePort();
    return ChildApp.start(MAINS.worker, port, { WORKER_PORT: String(port), IMPORTS_DIR: importsDir });
  };

  const row = async (id: string): Promise<ImportRow> =>
    ((await api.dataSource.query('SELECT * FROM analytics_jobs WHERE id = $1', [id])) as ImportRow[])[0];

  it('shows as stalled, then finishes with exact counts within two minutes of the kill', async () => {
    const records = [...syntheticPrecedents({ cases: RECORDS, seed: 'crash-recovery' })].map((c) => c.record);
    const refs = records.map((record) => record.ref);
    const lines = records.map((record) => JSON.stringify(record));
    // two bad lines: one in the part done before the kill, one after it
    lines.splice(1_000, 0, '{"ref": "BAD-BEFORE"}');
    lines.splice(18_000, 0, '{not json');
    expect(refs).toHaveLength(RECORDS);

    worker = await startWorker();
    const accepted = await api
      .http()
      .post('/api/precedents/import')
      .set(admin.auth)
      .set('content-type', 'application/x-ndjson')
      .send(lines.join('\n'))
      .expect(202);
    const id = (accepted.body as { jobId: string }).jobId;

    // two batches committed, the rest to come
    const partWay = await eventually(
      async () => {
        const job = await row(id);
        return job.status === 'running' && job.records_imported >= 4_000 ? job : undefined;
      },
      { what: 'the import part way', timeoutMs: 60_000, intervalMs: 100 },
    );
    await worker.kill();
    const killedAt = Date.now();
    worker = undefined;
    expect(partWay.records_imported).toBeLessThan(RECORDS);

    // the job says its worker has gone, in its status and on the queue status page's source
    const stalled = await eventually(
      async () => {
        const job = await api.http().get(`/api/analytics/jobs/${id}`).set(admin.auth).expect(200);
        return job.body.stalled === true ? job.body : undefined;
      },
      { what: 'the job to show as stalled', timeoutMs: 60_000, intervalMs: 1_000 },
    );
    expect(stalled).toMatchObject({ status: 'running', stalled: true });
    const report = await eventually(
      async () => {
        const status = await api.app.get(QueueStatusService).status([ANALYTICS_QUEUE]);
        return status.stalled.length > 0 ? status : undefined;
      },
      { what: 'the queue to see the job stalled', timeoutMs: 60_000, intervalMs: 1_000 },
    );
    expect(report.stalled).toEqual([
      expect.objectContaining({ queue: ANALYTICS_QUEUE, id: `analytics-${id}`, name: 'import-precedents' }),
    ]);

    worker = await startWorker();
    const job = await eventually(
      async () => {
        const current = await row(id);
        return current.finished_at ? current : undefined;
      },
      { what: 'the import to finish', timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(Date.now() - killedAt).toBeLessThan(120_000);
    // the counts of one clean run: nothing counted twice, nothing "updated" by the second pass
    expect(job).toMatchObject({
      status: 'succeeded',
      records_read: RECORDS + 2,
      records_imported: RECORDS,
      records_updated: 0,
      records_rejected: 2,
      interruptions: 1,
    });
    expect([...new Set(job.problems.map((p) => p.line))]).toEqual([1_001, 18_001]);
    const [stored] = (await api.dataSource.query(
      'SELECT count(*)::int AS n FROM precedents WHERE ref = ANY($1)',
      [refs],
    )) as { n: number }[];
    expect(stored.n).toBe(RECORDS);
    const after = await api.http().get(`/api/analytics/jobs/${id}`).set(admin.auth).expect(200);
    expect(after.body).toMatchObject({ status: 'succeeded', stalled: false, interruptions: 1 });
  }, 240_000);

  it('recomputes disparity on a thread of its own: the worker answers /health while it runs', async () => {
    const requested = await api.http().post('/api/analytics/recompute').set(admin.auth).expect(202);
    const id = (requested.body as { jobId: string }).jobId;
    // No stopwatch (speed is for the benchmarks): a health answer that arrives while the job is
    // still running shows the main thread was free. A thread held by the job would answer only
    // after it, and the status read after that answer would already say finished.
    let answersWhileRunning = 0;
    const job = await eventually(
      async () => {
        const status = await worker!.health();
        const current = await api.http().get(`/api/analytics/jobs/${id}`).set(admin.auth).expect(200);
        if (status !== null && !current.body.finishedAt) answersWhileRunning++;
        return current.body.finishedAt ? current.body : undefined;
      },
      { what: 'the recomputation to finish', timeoutMs: 180_000, intervalMs: 200 },
    );
    expect(job).toMatchObject({ status: 'succeeded', stalled: false, result: { precedents: RECORDS } });
    expect(answersWhileRunning).toBeGreaterThan(0);
  }, 240_000);
});
