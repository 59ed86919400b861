import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { syntheticPrecedents } from '@precedent/analytics';
import type { PrecedentRecord } from '@precedent/exchange';
import { runCli } from '../support/cli';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, startTestWorker } from '../support/test-worker';

// Inconsistent pairs through the three contracts: the CLI (computing when the stored list is older
// than the data), the API, and the recompute job that stores them with their data version.
describe('inconsistent pairs through the CLI, the API and the recompute job', () => {
  let api: TestApi;
  let worker: INestApplication;
  const dir = mkdtempSync(join(tmpdir(), 'precedent-pairs-'));
  const records = [...syntheticPrecedents({ cases: 1500, seed: 'pairs-e2e' })].map((c) => c.record);
  const template = records[7];
  const lighter: PrecedentRecord = {
    ...template,
    ref: 'planted-lighter',
    force: 'kent',
    forum: 'misconduct_hearing',
    finding: 'gross_misconduct',
    outcome: 'written_warning',
    conduct: template.conduct.map((item) => ({ ...item, text: 'a planted comment about a neighbour' })),
  };
  const harsher: PrecedentRecord = {
    ...lighter,
    ref: 'planted-harsher',
    force: 'essex',
    outcome: 'dismissal_without_notice',
  };
  const file = join(dir, 'national.jsonl');
  writeFileSync(
    file,
    [...records, lighter, harsher].map((record) => JSON.stringify(record)).join('\n') + '\n',
  );

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    expect(runCli(['precedents', 'import', file, '--json']).status).toBe(0);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('prints pairs most inconsistent first from the CLI, computing them for the current data', async () => {
    const result = runCli(['analytics', 'inconsistencies', '--json', '--limit', '5']);
    expect(result.status).toBe(0);
    const answer = JSON.parse(result.stdout);
    const [{ data_version: version }] = await api.dataSource.query(
      'SELECT data_version FROM analytics_state WHERE id = 1',
    );
    expect(answer.dataVersion).toBe(String(version));
    expect(answer.pairs).toHaveLength(5);
    // The planted pair shares its wording and structure: near the top (the template it was copied
    // from, decided at another step, pairs with it too, and may rank above it).
    const first = answer.pairs.find(
      (pair: { a: { ref: string }; b: { ref: string } }) =>
        pair.a.ref === 'planted-lighter' && pair.b.ref === 'planted-harsher',
    );
    expect(first).toMatchObject({
      a: {
        ref: 'planted-lighter',
        force: 'kent',
        forceName: 'Kent Police',
        outcome: 'written_warning',
        step: 3,
        said: '“a planted comment about a neighbour”',
        decidedOn: template.decidedOn,
      },
      b: { ref: 'planted-harsher', force: 'essex', outcome: 'dismissal_without_notice', step: 6 },
      similarity: 1,
      stepGap: 3,
      differences: [],
      explained: false,
    });
    expect(Object.keys(first.parts).sort()).toEqual(
      ['audience', 'categories', 'factors', 'platform', 'role', 'targets', 'text', 'volume'].sort(),
    );
    for (let at = 1; at < answer.pairs.length; at++)
      expect(answer.pairs[at].score).toBeLessThanOrEqual(answer.pairs[at - 1].score);

    const essex = JSON.parse(runCli(['analytics', 'inconsistencies', '--json', '--force', 'essex']).stdout);
    expect(essex.pairs.length).toBeGreaterThan(0);
    for (const pair of essex.pairs) expect([pair.a.force, pair.b.force]).toContain('essex');
    const unknown = runCli(['analytics', 'inconsistencies', '--force', 'atlantis']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('There is no force "atlantis"');
  });

  it('answers the same shape from the API to any signed-in user, and refuses bad filters', async () => {
    const investigator = await api.signedIn(['investigator']);
    await api.http().get('/api/analytics/inconsistencies').expect(401);
    const answer = await api
      .http()
      .get('/api/analytics/inconsistencies?force=kent&limit=3')
      .set(investigator.auth)
      .expect(200);
    expect(answer.body.pairs.length).toBeLessThanOrEqual(3);
    expect(answer.body.pairs[0].a.ref).toBe('planted-lighter');
    for (const pair of answer.body.pairs) expect([pair.a.force, pair.b.force]).toContain('kent');
    await api.http().get('/api/analytics/inconsistencies?force=atlantis').set(investigator.auth).expect(422);
    await api.http().get('/api/analytics/inconsistencies?limit=0').set(investigator.auth).expect(422);
    await api.http().get('/api/analytics/inconsistencies?limit=abc').set(investigator.auth).expect(422);
  });

  it('stores a new list with the data version when the recompute job runs after an import', async () => {
    const admin = await api.signedIn(['admin']);
    const extra = { ...lighter, ref: 'planted-third', force: 'cumbria', outcome: 'final_written_warning' };
    await api
      .http()
      .post('/api/precedents/import')
      .set(admin.auth)
      .set('content-type', 'application/x-ndjson')
      .send(JSON.stringify(extra))
      .expect(202);
    const [{ data_version: before }] = await api.dataSource.query(
      'SELECT data_version FROM analytics_state WHERE id = 1',
    );
    await eventually(
      async () => {
        const [{ data_version: now }] = await api.dataSource.query(
          'SELECT data_version FROM analytics_state WHERE id = 1',
        );
        return now !== before ? now : undefined;
      },
      { what: 'the import', timeoutMs: 60_000 },
    );
    const recompute = await api.http().post('/api/analytics/recompute').set(admin.auth).expect(202);
    const job = await eventually(
      async () => {
        const found = await api.http().get(`/api/analytics/jobs/${recompute.body.jobId}`).set(admin.auth);
        if (found.body.status === 'failed') throw new Error(found.body.error);
        return found.body.status === 'succeeded' ? found.body : undefined;
      },
      { what: 'the recompute job', timeoutMs: 120_000 },
    );
    expect(job.result.inconsistentPairs).toBeGreaterThan(0);
    const [{ data_version: version }] = await api.dataSource.query(
      'SELECT data_version FROM analytics_state WHERE id = 1',
    );
    const answer = await api.http().get('/api/analytics/inconsistencies').set(admin.auth).expect(200);
    expect(answer.body.dataVersion).toBe(String(version));
    expect(answer.body.precedents).toBe(1503);
    // The third copy went 2 steps from dismissal: its pair with the harsher one is listed too.
    expect(
      answer.body.pairs.some(
        (pair: { a: { ref: string }; b: { ref: string } }) =>
          pair.a.ref === 'planted-third' && pair.b.ref === 'planted-harsher',
      ),
    ).toBe(true);
  });
});
