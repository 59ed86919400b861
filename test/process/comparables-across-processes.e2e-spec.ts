import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticPrecedents } from '@precedent/analytics';
import { conductProfile } from '../support/conduct-profile';
import { ChildApp, MAINS } from '../support/child-app';
import { runCli } from '../support/cli';
import { freePort } from '../support/private-redis';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';

interface Answer {
  pid: number;
  dataVersion: string;
}

/**
 * Each API process keeps its own comparables index and reloads it when the store's data version goes
 * up. With API_PROCESSES=2, after an import both processes answer from the import's version, and
 * neither goes back to the one before. The answer carries its data version; which process gave it is
 * read from the request's log line (its X-Request-Id and pino's pid).
 */
describe('comparables from two API processes (API_PROCESSES=2) after an import', () => {
  let api: TestApi;
  let panel: SignedInUser;
  let cluster: ChildApp;
  const dir = mkdtempSync(join(tmpdir(), 'precedent-comparables-cluster-'));
  const batches = [
    [...syntheticPrecedents({ cases: 600, seed: 'cluster-first' })].map((c) => c.record),
    [...syntheticPrecedents({ cases: 600, seed: 'cluster-second' })].map((c) => ({
      ...c.record,
      ref: `SECOND-${c.record.ref}`,
    })),
  ];
  const files = batches.map((records, i) => {
    const file = join(dir, `precedents-${i}.jsonl`);
    writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    return file;
  });
  const { profile } = conductProfile(batches[0][10]);

  beforeAll(async () => {
    api = await startTestApi();
    panel = await api.signedIn(['panel_member']);
    const port = await freePort();
    cluster = await ChildApp.start(MAINS.api, port, { API_PORT: String(port), API_PROCESSES: '2' });
  }, 90_000);

  afterAll(async () => {
    await cluster?.kill();
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const storeVersion = async () =>
    (
      await api.dataSource.query<{ data_version: string }[]>(
        'SELECT data_version FROM analytics_state WHERE id = 1',
      )
    )[0].data_version;

  /** One comparables request on a connection of its own, so the cluster hands it to either process. */
  async function comparables(): Promise<Answer> {
    const { requestId, dataVersion } = await new Promise<{ requestId: string; dataVersion: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: cluster.port,
            method: 'POST',
            path: '/api/analytics/comparables',
            agent: false,
            headers: { 'content-type': 'application/json', ...panel.auth },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const body = Buffer.concat(chunks).toString();
              if (res.statusCode !== 200)
                reject(new Error(`comparables answered ${res.statusCode}: ${body}`));
              else
                resolve({
                  requestId: String(res.headers['x-request-id']),
                  dataVersion: (JSON.parse(body) as { dataVersion: string }).dataVersion,
                });
            });
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ profile, k: 5 }));
      },
    );
    const pid = await eventually(
      async () => {
        for (const line of cluster.output.split('\n')) {
          if (!line.includes(requestId)) continue;
          const entry = JSON.parse(line) as { requestId?: string; pid?: number };
          if (entry.requestId === requestId && entry.pid) return entry.pid;
        }
        return undefined;
      },
      { what: `the log line of request ${requestId}`, intervalMs: 20 },
    );
    return { pid, dataVersion };
  }

  /** Asks until both processes have answered from `version`; returns every answer on the way. */
  async function untilBothAnswer(version: string): Promise<Answer[]> {
    const answers: Answer[] = [];
    await eventually(
      async () => {
        answers.push(await comparables());
        const current = new Set(answers.filter((a) => a.dataVersion === version).map((a) => a.pid));
        return current.size === 2;
      },
      {
        what: `both API processes to answer from data version ${version}`,
        timeoutMs: 60_000,
        intervalMs: 50,
      },
    );
    return answers;
  }

  it('both processes answer from the new data version after an import, and neither from an older one after', async () => {
    expect(runCli(['precedents', 'import', files[0], '--json']).status).toBe(0);
    const first = await storeVersion();
    const before = await untilBothAnswer(first);
    expect(new Set(before.map((a) => a.pid)).size).toBe(2);

    expect(runCli(['precedents', 'import', files[1], '--json']).status).toBe(0);
    const second = await storeVersion();
    expect(BigInt(second)).toBeGreaterThan(BigInt(first));
    const switching = await untilBothAnswer(second);
    // a process that has answered from the new version never answers from an older one again
    for (const pid of new Set(switching.map((a) => a.pid))) {
      const versions = switching.filter((a) => a.pid === pid).map((a) => a.dataVersion);
      const switchedAt = versions.indexOf(second);
      expect(versions.slice(switchedAt)).toEqual(versions.slice(switchedAt).map(() => second));
      expect(versions.slice(0, switchedAt).every((v) => v === first)).toBe(true);
    }

    const after: Answer[] = [];
    for (let i = 0; i < 20; i++) after.push(await comparables());
    expect(new Set(after.map((a) => a.pid)).size).toBe(2);
    expect(after.filter((a) => a.dataVersion !== second)).toEqual([]);
  }, 180_000);
});
