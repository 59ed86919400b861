/**
 * `npm run bench:soak`: mixed traffic against the built apps as they would run on one machine (the
 * API as 2 processes, 2 workers, the reporter portal), on a scratch database and a Redis of its own,
 * for SOAK_MINUTES (default 10). A third of the way in one worker is killed (SIGKILL) and started
 * again 10 s later; two thirds in Redis is stopped and started again 10 s later. Then it checks:
 *  - every write the API acknowledged is found afterwards (cases, evidence, anonymous reports), and
 *    every evidence upload was processed by a worker;
 *  - no 5xx answer outside the outage windows (the outage and 20 s after it);
 *  - p95 per route.
 * Figures go to stdout; it exits 1 when an acknowledged write is missing or a 5xx fell outside the
 * windows. Nothing here is a test. Docs: docs/performance.md.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { quantile } from 'simple-statistics';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');
const API = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const REPORTER = join(ROOT, 'dist/apps/reporter/apps/reporter/src/main.js');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 8);
const DATABASE = 'precedent_bench_soak';
const PORTS = { api: 3960, reporter: 3961, workers: [3962, 3963], redis: 3964 };
const GRACE_MS = 20_000;
const USER = { username: 'soak', password: 'soak password 0123456789' };

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DATABASE}`,
  REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
  QUEUE_PREFIX: 'soak',
  EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'precedent-soak-evidence-')),
  AUDIT_ANCHOR_FILE: join(mkdtempSync(join(tmpdir(), 'precedent-soak-audit-')), 'anchors.jsonl'),
  API_PORT: String(PORTS.api),
  API_PROCESSES: '2',
  REPORTER_PORT: String(PORTS.reporter),
  LOG_LEVEL: 'error',
  SESSION_SECRET: 'soak-session-secret-that-is-long-enough-0123456789',
  REPORTING_ENCRYPTION_KEY: 'soak-reporting-encryption-key-long-enough-0123456789',
  REPORTING_LOOKUP_KEY: 'soak-reporting-lookup-key-that-is-long-enough-012345',
  REPORT_SUBMISSION_BUDGET: '100000',
};

interface Answer {
  route: string;
  status: number;
  ms: number;
  at: number;
}

const answers: Answer[] = [];
const outages: { from: number; to: number; what: string }[] = [];
const written = { cases: [] as string[], evidence: [] as string[], reports: [] as string[] };
let token = '';

async function call(
  route: string,
  path: string,
  init: RequestInit = {},
  base = `http://127.0.0.1:${PORTS.api}`,
) {
  const started = performance.now();
  let status = 0;
  let body: unknown = null;
  try {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
      signal: AbortSignal.timeout(30_000),
    });
    status = response.status;
    body = response.headers.get('content-type')?.includes('json')
      ? await response.json()
      : await response.text();
  } catch {
    status = 599; // no answer at all (refused, reset or timed out): counted like a 5xx
  }
  answers.push({ route, status, ms: performance.now() - started, at: Date.now() });
  return { status, body: body as Record<string, unknown> };
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** One client's loop: mostly reads, some writes, a comparables search, now and then an upload or a report. */
async function client(n: number, until: number, profile: unknown): Promise<void> {
  const mine: string[] = [];
  for (let i = 0; Date.now() < until; i++) {
    const draw = (n * 7919 + i * 104729) % 100;
    if (draw < 15 || mine.length === 0) {
      const created = await call(
        'POST /api/cases',
        '/api/cases',
        json({
          source: 'line_manager',
          receivedAt: new Date().toISOString().slice(0, 10),
          summary: `Soak case ${n}-${i}: a fictional post shared to a group chat.`,
        }),
      );
      if (created.status === 201) {
        mine.push(String(created.body.id));
        written.cases.push(String(created.body.id));
      }
    } else if (draw < 55) {
      await call('GET /api/cases/:id', `/api/cases/${mine[i % mine.length]}`);
    } else if (draw < 75) {
      await call('GET /api/cases?q=', `/api/cases?q=${['group', 'fictional', 'post', 'chat'][i % 4]}`);
    } else if (draw < 90) {
      await call('POST /api/analytics/comparables', '/api/analytics/comparables', json({ profile, k: 20 }));
    } else if (draw < 96) {
      const form = new FormData();
      form.set(
        'file',
        new Blob([`Soak evidence ${n}-${i}\n`.repeat(200)], { type: 'text/plain' }),
        `soak-${n}-${i}.txt`,
      );
      form.set('description', 'A fictional note');
      const uploaded = await call(
        'POST /api/cases/:id/evidence',
        `/api/cases/${mine[i % mine.length]}/evidence`,
        {
          method: 'POST',
          body: form,
        },
      );
      if (uploaded.status === 201) written.evidence.push(String(uploaded.body.id));
    } else {
      const submitted = await call(
        'POST reporter /api/reports',
        '/api/reports',
        json({
          summary: `Fictional soak report ${n}-${i}`,
          details: 'A fictional account of officers mocking the public in a group chat.',
          platform: 'whatsapp',
          seenAt: '2026-11-18',
          links: [],
        }),
        `http://127.0.0.1:${PORTS.reporter}`,
      );
      if (submitted.status === 201) written.reports.push(String(submitted.body.receipt));
    }
  }
}

function start(main: string, extra: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [main], { env: { ...env, ...extra }, stdio: 'ignore' });
}

function startRedis(): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(PORTS.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not come up within two minutes`);
}

const answersAt = (url: string) => async () => (await fetch(url)).ok;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', '--force', DATABASE]);
  const cli = (args: string[]) => execFileSync(process.execPath, [CLI, ...args], { env, stdio: 'ignore' });
  cli(['migrate']);
  cli([
    'users',
    'create',
    '--username',
    USER.username,
    '--password',
    USER.password,
    '--role',
    'investigator',
    '--team',
    'north',
  ]);
  const national = '/tmp/precedent-soak-precedents.jsonl';
  cli(['synth', '--out', national, '--cases', '20000', '--seed', 'soak']);
  cli(['precedents', 'import', national]);
  const profile = JSON.parse(readFileSync(national, 'utf8').split('\n')[0]);

  let redis = startRedis();
  const api = start(API);
  const reporter = start(REPORTER);
  const workers = PORTS.workers.map((port) => start(WORKER, { WORKER_PORT: String(port) }));
  try {
    await until('the API', answersAt(`http://127.0.0.1:${PORTS.api}/health`));
    await until('the reporter portal', answersAt(`http://127.0.0.1:${PORTS.reporter}/health`));
    for (const port of PORTS.workers)
      await until(`the worker on ${port}`, answersAt(`http://127.0.0.1:${port}/health`));
    const login = await fetch(`http://127.0.0.1:${PORTS.api}/api/auth/login`, json(USER));
    token = ((await login.json()) as { accessToken: string }).accessToken;

    const started = Date.now();
    const end = started + MINUTES * 60_000;
    console.log(
      `soak: ${MINUTES} min, ${CLIENTS} clients, API x2, workers x2, reporter; faults at 1/3 and 2/3`,
    );
    const traffic = Array.from({ length: CLIENTS }, (_, n) => client(n, end, profile));

    await sleep((end - started) / 3);
    let from = Date.now();
    workers[0].kill('SIGKILL');
    await sleep(10_000);
    workers[0] = start(WORKER, { WORKER_PORT: String(PORTS.workers[0]) });
    outages.push({ from, to: Date.now(), what: 'worker killed and restarted' });
    console.log('soak: worker 1 killed, restarted 10 s later');

    await sleep(Math.max(0, started + (2 * (end - started)) / 3 - Date.now()));
    from = Date.now();
    redis.kill('SIGKILL');
    await sleep(10_000);
    redis = startRedis();
    outages.push({ from, to: Date.now(), what: 'Redis stopped and started' });
    console.log('soak: Redis stopped, started 10 s later');
    await Promise.all(traffic);

    // Every upload processed: give the workers a minute to drain what queued during the outages.
    const db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    const count = async (sql: string, ids: string[]) => Number((await db.query(sql, [ids])).rows[0].n);
    let processed = 0;
    for (let attempt = 0; attempt < 120; attempt++) {
      processed = await count(
        `SELECT count(*) AS n FROM evidence_items WHERE id = ANY($1) AND status IN ('processed', 'failed')`,
        written.evidence,
      );
      if (processed === written.evidence.length) break;
      await sleep(1000);
    }
    const cases = await count('SELECT count(*) AS n FROM cases WHERE id = ANY($1::uuid[])', written.cases);
    const evidence = await count(
      'SELECT count(*) AS n FROM evidence_items WHERE id = ANY($1::uuid[])',
      written.evidence,
    );
    const reports = Number((await db.query('SELECT count(*) AS n FROM anonymous_reports')).rows[0].n);
    await db.end();

    const outside = answers.filter(
      (a) => a.status >= 500 && !outages.some((o) => a.at >= o.from && a.at <= o.to + GRACE_MS),
    );
    const inside = answers.filter((a) => a.status >= 500).length - outside.length;
    console.log(`\nwrites acknowledged and found afterwards:`);
    console.log(`  cases     ${cases} of ${written.cases.length}`);
    console.log(`  evidence  ${evidence} of ${written.evidence.length} (${processed} through a worker)`);
    console.log(`  reports   ${reports} stored for ${written.reports.length} receipts given`);
    console.log(`5xx or no answer: ${outside.length} outside the outage windows, ${inside} inside them`);
    for (const a of outside.slice(0, 10))
      console.log(`  ${a.route} ${a.status} at +${((a.at - started) / 1000).toFixed(0)} s`);
    console.log(`\n| route | requests | p50 ms | p95 ms |\n| :-- | --: | --: | --: |`);
    for (const route of [...new Set(answers.map((a) => a.route))].sort()) {
      const ms = answers.filter((a) => a.route === route && a.status < 500).map((a) => a.ms);
      if (ms.length)
        console.log(
          `| ${route} | ${ms.length} | ${quantile(ms, 0.5).toFixed(1)} | ${quantile(ms, 0.95).toFixed(1)} |`,
        );
    }
    const lost =
      cases !== written.cases.length ||
      evidence !== written.evidence.length ||
      processed !== written.evidence.length ||
      reports < written.reports.length;
    process.exitCode = lost || outside.length > 0 ? 1 : 0;
  } finally {
    for (const child of [api, reporter, ...workers]) child.kill('SIGTERM');
    redis.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
