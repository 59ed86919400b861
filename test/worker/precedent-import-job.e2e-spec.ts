import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AnalyticsJobsService, PrecedentStore, syntheticPrecedents } from '@precedent/analytics';
import { systemContext } from '@precedent/audit';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { eventually, startTestWorker } from '../support/test-worker';

interface ImportRow {
  id: string;
  status: string;
  records_read: number;
  records_imported: number;
  records_updated: number;
  records_rejected: number;
  problems: { line: number; field: string; message: string }[];
  error: string | null;
  input: { path: string };
  started_at: Date | null;
  finished_at: Date | null;
}

/**
 * Precedent imports as background jobs: the upload is staged in the imports folder, the job goes
 * through the outbox to BullMQ and the real worker, and its progress and outcome are recorded as it
 * runs; a failed import keeps its report and what it committed.
 */
describe('the precedent import job', () => {
  let api: TestApi;
  let worker: INestApplication;
  let admin: SignedInUser;
  const importsDir = mkdtempSync(join(tmpdir(), 'precedent-imports-'));

  beforeAll(async () => {
    process.env.IMPORTS_DIR = importsDir;
    api = await startTestApi();
    worker = await startTestWorker();
    admin = await api.signedIn(['admin']);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    delete process.env.IMPORTS_DIR;
    rmSync(importsDir, { recursive: true, force: true });
  });

  const lines = (cases: number, seed: string) =>
    [...syntheticPrecedents({ cases, seed })].map((c) => JSON.stringify(c.record));

  async function upload(body: string, query = ''): Promise<string> {
    const accepted = await api
      .http()
      .post(`/api/precedents/import${query}`)
      .set(admin.auth)
      .set('content-type', 'application/x-ndjson')
      .send(body)
      .expect(202);
    return (accepted.body as { jobId: string }).jobId;
  }

  const row = async (id: string): Promise<ImportRow> =>
    ((await api.dataSource.query('SELECT * FROM analytics_jobs WHERE id = $1', [id])) as ImportRow[])[0];

  const finished = (id: string) =>
    eventually(
      async () => {
        const job = await row(id);
        return job.finished_at ? job : undefined;
      },
      { what: `import ${id} to finish`, timeoutMs: 60_000 },
    );

  const precedents = async (refs: string[]) =>
    (
      (await api.dataSource.query('SELECT count(*)::int AS n FROM precedents WHERE ref = ANY($1)', [
        refs,
      ])) as {
        n: number;
      }[]
    )[0].n;

  it('imports the good lines, reports each bad one by line and field, and removes the staged file', async () => {
    const good = lines(30, 'job-good');
    const badOutcome = { ...JSON.parse(good[0]), ref: 'BAD-OUTCOME', outcome: 'banished' } as object;
    const file = [...good.slice(0, 10), JSON.stringify(badOutcome), ...good.slice(10), '{not json', ''].join(
      '\n',
    );

    const id = await upload(file);
    const job = await finished(id);

    expect(job.status).toBe('succeeded');
    expect(job).toMatchObject({
      records_read: 32,
      records_imported: 30,
      records_updated: 0,
      records_rejected: 2,
      error: null,
    });
    expect(job.problems).toEqual([
      expect.objectContaining({ line: 11, field: 'outcome' }),
      expect.objectContaining({ line: 32, field: '', message: expect.stringMatching(/not valid JSON/) }),
    ]);
    expect(job.started_at).not.toBeNull();
    expect(job.finished_at!.getTime()).toBeGreaterThanOrEqual(job.started_at!.getTime());
    expect(existsSync(job.input.path)).toBe(false);
    expect(job.input.path.startsWith(importsDir)).toBe(true);
    const refs = good.map((line) => (JSON.parse(line) as { ref: string }).ref);
    expect(await precedents(refs)).toBe(30);
    const [audited] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'precedents.import.request' AND entity_id = $1`,
      [id],
    )) as { n: number }[];
    expect(audited.n).toBe(1);
  });

  it('records its counts while it runs, before it finishes', async () => {
    // every batch the database writes takes a second: long enough to see the job part way
    await api.dataSource.query(`
      CREATE FUNCTION slow_precedent_batches() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$;
      CREATE TRIGGER slow_precedent_batches BEFORE INSERT ON precedents
        FOR EACH STATEMENT EXECUTE FUNCTION slow_precedent_batches();`);
    try {
      const id = await upload(lines(6000, 'job-slow').join('\n'));
      const partWay = await eventually(
        async () => {
          const job = await row(id);
          return job.status === 'running' && job.records_read > 0 ? job : undefined;
        },
        { what: 'the import part way', timeoutMs: 30_000, intervalMs: 50 },
      );
      expect(partWay.finished_at).toBeNull();
      expect(partWay.records_read).toBeLessThan(6000);
      const job = await finished(id);
      expect(job).toMatchObject({ status: 'succeeded', records_read: 6000, records_imported: 6000 });
    } finally {
      await api.dataSource.query(
        'DROP TRIGGER slow_precedent_batches ON precedents; DROP FUNCTION slow_precedent_batches();',
      );
    }
  });

  it('fails with the reason, keeping its report and every batch committed before the failure', async () => {
    const file = lines(2500, 'job-interrupted');
    const refs = file.map((line) => (JSON.parse(line) as { ref: string }).ref);
    // the database refuses one record of the second batch (a batch is the next 2,000 lines of the file)
    const refused = refs[2200];
    await refuse(refused);
    const versionBefore = await api.app.get(PrecedentStore).dataVersion();
    try {
      const id = await upload([...file, '{"ref": 1}'].join('\n'));
      const job = await finished(id);

      expect(job.status).toBe('failed');
      expect(job.error).toContain(`precedent ${refused} refused`);
      expect(job.records_imported).toBe(2000);
      expect(job.records_rejected).toBe(1);
      expect(job.problems.length).toBeGreaterThan(0);
      expect(job.problems.every((problem) => problem.line === 2501)).toBe(true);
      // the first batch stays, the refused one is rolled back whole
      expect(await precedents(refs)).toBe(2000);
      expect(Number(await api.app.get(PrecedentStore).dataVersion())).toBeGreaterThan(Number(versionBefore));
      expect(existsSync(job.input.path)).toBe(false);

      // the API reports it the same way
      const response = await api.http().get(`/api/analytics/jobs/${id}`).set(admin.auth).expect(200);
      expect(response.body).toMatchObject({
        status: 'failed',
        startedAt: expect.any(String),
        result: { imported: 2000, rejected: 1 },
        progress: { records: 2501, imported: 2000, rejected: 1 },
      });
    } finally {
      await unrefuse();
    }
  });

  it('keeps nothing of an all-or-nothing import that fails', async () => {
    const file = lines(2500, 'job-strict');
    const refs = file.map((line) => (JSON.parse(line) as { ref: string }).ref);
    await refuse(refs[2200]);
    try {
      const job = await finished(await upload(file.join('\n'), '?strict=true'));
      expect(job.status).toBe('failed');
      expect(job.records_imported).toBe(0);
      expect(job.records_read).toBe(2500);
      expect(await precedents(refs)).toBe(0);
    } finally {
      await unrefuse();
    }
  });

  it('fails with a reason to act on when the uploaded file has gone', async () => {
    const job = await api.app.get(AnalyticsJobsService).request(systemContext('test'), 'import', {
      path: join(importsDir, 'gone.jsonl'),
      strict: false,
      bytes: 10,
    });
    const failed = await finished(job.id);
    expect(failed).toMatchObject({ status: 'failed', records_read: 0, records_imported: 0 });
    expect(failed.error).toMatch(/no longer in the imports folder.*upload it again/);
  });

  async function refuse(ref: string) {
    await api.dataSource.query(`
      CREATE FUNCTION refuse_precedent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.ref = '${ref.replace(/'/g, "''")}' THEN RAISE EXCEPTION 'precedent % refused by the database', NEW.ref; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_precedent BEFORE INSERT ON precedents FOR EACH ROW EXECUTE FUNCTION refuse_precedent();`);
  }

  async function unrefuse() {
    await api.dataSource.query(
      'DROP TRIGGER refuse_precedent ON precedents; DROP FUNCTION refuse_precedent();',
    );
  }
});
