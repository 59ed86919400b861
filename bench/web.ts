/**
 * `npm run bench:web [-- CASES PRECEDENTS]`: every staff page's server time with the demo data. A
 * fresh database gets the demo users and CASES fictional demo cases (default 1,200), PRECEDENTS
 * synthetic national precedents (default 100,000) imported and measured for disparity, a hearing,
 * evidence and anonymous reports (through the reporter portal); then the built API is started,
 * a user holding every staff role signs in through the web sign-in form with a cookie, and each page
 * is requested after a warm-up, one request at a time. The API runs with NODE_ENV=production, as deployed. Server time is the time to the full response
 * on localhost. The table marks pages whose p95 misses the target; only errors exit non-zero.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { quantile } from 'simple-statistics';
import { startBuiltApi } from './support/built-api';

const CLI = join(__dirname, '..', 'dist/apps/cli/apps/cli/src/main.js');
const REPORTER = join(__dirname, '..', 'dist/apps/reporter/apps/reporter/src/main.js');
const CASES = Number(process.argv[2] ?? 1_200);
const PRECEDENTS = Number(process.argv[3] ?? 100_000);
const DATABASE = 'precedent_bench_web';
const API_PORT = 3902;
const REPORTER_PORT = 3903;
const WARM_UP = 5;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const TARGET_P95_MS = 200;
/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;
const USERNAME = 'bench.web';
const PASSWORD = 'bench-web-password-2026';

const COMPARABLES_QUERY = new URLSearchParams({
  search: '',
  text: 'racist joke about immigrants shared in a WhatsApp group of officers',
  platform: 'whatsapp',
  audience: 'private_group',
  categories: 'discriminatory',
  targets: 'race',
});

/** What a page needs to know to build its path: ids read from the seeded database. */
interface Seeded {
  caseIds: string[];
  hearingId: string | null;
  reportId: string | null;
  evidenceId: string | null;
}

/**
 * The staff pages. `optional` pages are being added by other work: measured when they answer 200,
 * skipped with a note when 404. A page whose path is null (no such data) is skipped with a note.
 */
const PAGES: { name: string; path: (seeded: Seeded) => string | null; optional?: boolean }[] = [
  { name: '/ (my work)', path: () => '/' },
  { name: '/cases', path: () => '/cases' },
  { name: '/cases?q=whatsapp', path: () => '/cases?q=whatsapp' },
  { name: '/cases?status=investigating', path: () => '/cases?status=investigating' },
  ...[0, 1, 2, 3].map((n) => ({
    name: `/cases/:id (case ${n + 1})`,
    path: (seeded: Seeded) => (seeded.caseIds[n] ? `/cases/${seeded.caseIds[n]}` : null),
  })),
  { name: '/cases/new', path: () => '/cases/new' },
  { name: '/comparables (form)', path: () => '/comparables' },
  { name: '/comparables?text=...', path: () => `/comparables?${COMPARABLES_QUERY}` },
  {
    name: '/comparables?...&from&to&forum',
    path: () => `/comparables?${COMPARABLES_QUERY}&from=2020&to=2025&forum=misconduct_hearing`,
  },
  { name: '/reports', path: () => '/reports' },
  { name: '/reports/cases', path: () => '/reports/cases' },
  { name: '/reports/conduct', path: () => '/reports/conduct' },
  { name: '/reports/conduct?from&to', path: () => '/reports/conduct?from=2024&to=2025' },
  { name: '/reports/timeliness', path: () => '/reports/timeliness' },
  { name: '/hearings', path: () => '/hearings' },
  { name: '/hearings/:id', path: (seeded) => seeded.hearingId && `/hearings/${seeded.hearingId}` },
  { name: '/anonymous', path: () => '/anonymous' },
  { name: '/anonymous/:id', path: (seeded) => seeded.reportId && `/anonymous/${seeded.reportId}` },
  { name: '/evidence/:id', path: (seeded) => seeded.evidenceId && `/evidence/${seeded.evidenceId}` },
  { name: '/admin', path: () => '/admin' },
  { name: '/admin/lexicon', path: () => '/admin/lexicon', optional: true },
  { name: '/admin/imports', path: () => '/admin/imports', optional: true },
  { name: '/admin/queues', path: () => '/admin/queues', optional: true },
  { name: '/hearings/panel-members', path: () => '/hearings/panel-members', optional: true },
];

async function main(): Promise<void> {
  const env = {
    ...process.env,
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DATABASE}`,
    LOG_LEVEL: 'warn',
  };
  const time = Date.now();
  // BENCH_REUSE=1 measures again on the database a run kept with BENCH_KEEP_DATABASE=1 (profiling)
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) await seed(env);
  line(
    `seeded in ${((Date.now() - time) / 1000).toFixed(0)} s: demo data, ${CASES} cases, ${PRECEDENTS} precedents`,
  );

  // as deployed: NODE_ENV=production, with the secrets the CLI generated for this tree unless they are set already
  const secrets = join(__dirname, '..', 'var', 'dev-secrets.json');
  const api = await startBuiltApi(
    {
      ...(existsSync(secrets) ? (JSON.parse(readFileSync(secrets, 'utf8')) as Record<string, string>) : {}),
      ...env,
      NODE_ENV: 'production',
    },
    API_PORT,
    USERNAME,
    PASSWORD,
  );
  let errors = 0;
  try {
    if (!reuse) await seedThroughTheApi(api.base, api.token, env.DATABASE_URL);
    const seeded = await readSeeded(env.DATABASE_URL);
    const db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    const counts = (
      await db.query(
        `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM precedents)::int AS precedents`,
      )
    ).rows[0] as { cases: number; precedents: number };
    await db.end();
    line(`database: ${counts.cases} cases, ${counts.precedents} precedents`);

    const cookie = await signInThroughTheForm(api.base);
    const get = async (path: string): Promise<{ status: number; ms: number; body: string }> => {
      const started = process.hrtime.bigint();
      const response = await fetch(`${api.base}${path}`, { headers: { cookie }, redirect: 'manual' });
      const body = await response.text();
      return { status: response.status, ms: Number(process.hrtime.bigint() - started) / 1e6, body };
    };

    const rows: string[][] = [];
    const notes: string[] = [];
    for (const page of PAGES) {
      const path = page.path(seeded);
      if (!path) {
        notes.push(`${page.name}: skipped, no such data was seeded`);
        continue;
      }
      const first = await get(path);
      // another branch's page: a 404 (or /hearings/:id refusing the word as an id) means not built here yet
      if (first.status !== 200 && page.optional) {
        notes.push(`${page.name}: skipped, ${first.status} (not built on this branch yet)`);
        continue;
      }
      if (first.status !== 200) {
        errors++;
        notes.push(`${page.name}: ERROR ${first.status} ${first.body.slice(0, 200).replace(/\s+/g, ' ')}`);
        continue;
      }
      for (let n = 1; n < WARM_UP; n++) await get(path);
      const cpuBefore = cpuMs(api.pid);
      const times: number[] = [];
      let failed = 0;
      for (let n = 0; n < REQUESTS; n++) {
        const answer = await get(path);
        if (answer.status !== 200) failed++;
        times.push(answer.ms);
      }
      if (failed) {
        errors++;
        notes.push(`${page.name}: ERROR ${failed} of ${REQUESTS} requests did not answer 200`);
      }
      const cpuPerRequest = (cpuMs(api.pid) - cpuBefore) / REQUESTS;
      const p50 = quantile(times, 0.5);
      const p95 = quantile(times, 0.95);
      rows.push([
        page.name,
        p50.toFixed(1),
        p95.toFixed(1),
        String(TARGET_P95_MS),
        p95 <= TARGET_P95_MS ? 'ok' : 'MISS',
        cpuPerRequest.toFixed(1),
        `${(first.body.length / 1024).toFixed(0)} KB`,
      ]);
    }
    table(['page', 'p50 ms', 'p95 ms', 'target p95', '', 'API CPU ms/req', 'size'], rows);
    line(
      `${REQUESTS} sequential requests per page after ${WARM_UP} warm-up, signed in with a cookie as a user with every staff role`,
    );
    for (const note of notes) line(`note: ${note}`);
  } finally {
    api.stop();
  }
  if (process.env.BENCH_KEEP_DATABASE !== '1')
    execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', '--force', DATABASE]);
  if (errors) {
    process.stderr.write(`${errors} page(s) answered with errors: see the notes above.\n`);
    process.exit(1);
  }
}

/** A fresh database with the demo data, a national precedent set and a user with every staff role. */
async function seed(env: NodeJS.ProcessEnv): Promise<void> {
  const cli = (args: string[]) =>
    execFileSync(process.execPath, ['--max-semi-space-size=64', CLI, ...args], { env, stdio: 'ignore' });
  execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', '--force', DATABASE]);
  cli(['migrate']);
  cli(['demo', '--cases', String(CASES)]);
  const national = `/tmp/precedent-bench-web-${PRECEDENTS}.jsonl`;
  cli(['synth', '--out', national, '--cases', String(PRECEDENTS), '--seed', 'demo', '--bias', 'kent=0.9']);
  cli(['precedents', 'import', national]);
  cli(['analytics', 'disparity']);
  cli(
    ['users', 'create', '--username', USERNAME, '--password', PASSWORD, '--display-name', 'Bench Everyone']
      .concat(['--team', 'psd-north'])
      .concat(
        ['admin', 'investigator', 'appropriate_authority', 'panel_member', 'senior_officer'].flatMap(
          (role) => ['--role', role],
        ),
      ),
  );
  const reporter = await startReporter(env);
  try {
    for (let n = 1; n <= 5; n++) await reporter.submit(n);
  } finally {
    reporter.stop();
  }
}

/** The ids the pages' paths need: the cases with the most on them (the heaviest case pages) first. */
async function readSeeded(databaseUrl: string | undefined): Promise<Seeded> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const first = async (sql: string) => ((await db.query(sql)).rows as { id: string }[])[0]?.id ?? null;
    const caseIds = (
      (
        await db.query(
          `SELECT c.id FROM cases c LEFT JOIN conduct_items ci ON ci.case_id = c.id
          WHERE NOT c.restricted GROUP BY c.id ORDER BY count(ci.id) DESC, c.reference LIMIT 4`,
        )
      ).rows as { id: string }[]
    ).map((row) => row.id);
    return {
      caseIds,
      hearingId: await first(`SELECT id FROM hearings ORDER BY created_at LIMIT 1`),
      reportId: await first(`SELECT id FROM anonymous_reports ORDER BY received_at, id LIMIT 1`),
      evidenceId: await first(`SELECT id FROM evidence_items ORDER BY uploaded_at, id LIMIT 1`),
    };
  } finally {
    await db.end();
  }
}

/** A hearing on a case referred to one, and evidence on a few cases, as staff add them through the API. */
async function seedThroughTheApi(
  base: string,
  token: string,
  databaseUrl: string | undefined,
): Promise<void> {
  const api = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // cases with the most on them first: the heaviest case pages
    const caseIds = (
      (
        await db.query(
          `SELECT c.id FROM cases c LEFT JOIN conduct_items ci ON ci.case_id = c.id
          WHERE NOT c.restricted GROUP BY c.id ORDER BY count(ci.id) DESC, c.reference LIMIT 4`,
        )
      ).rows as { id: string }[]
    ).map((row) => row.id);
    const referred = (
      await db.query(
        `SELECT c.id FROM cases c WHERE c.status = 'referred_to_hearing' AND NOT c.restricted
            AND NOT EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = c.id) ORDER BY c.reference LIMIT 1`,
      )
    ).rows as { id: string }[];
    if (referred[0]) {
      const today = new Date().toISOString().slice(0, 10);
      await api('POST', '/api/hearings', { caseId: referred[0].id, documentsSuppliedOn: today });
    }
    for (const [n, caseId] of caseIds.entries()) {
      const png = await sharp({
        create: { width: 320, height: 200, channels: 3, background: { r: 40 * n, g: 120, b: 200 } },
      })
        .png()
        .toBuffer();
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `screenshot-${n}.png`);
      const response = await fetch(`${base}/api/cases/${caseId}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (!response.ok)
        throw new Error(`evidence upload answered ${response.status}: ${await response.text()}`);
    }
  } finally {
    await db.end();
  }
}

/** The built reporter portal, to submit anonymous reports as a member of the public does. */
async function startReporter(
  env: NodeJS.ProcessEnv,
): Promise<{ submit(n: number): Promise<void>; stop(): void }> {
  const child = spawn(process.execPath, [REPORTER], {
    env: { ...env, REPORTER_PORT: String(REPORTER_PORT) },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${REPORTER_PORT}`;
  const submit = async (n: number) => {
    const response = await fetch(`${base}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        summary: `Fictional report ${n}: officers sharing offensive memes in a group chat`,
        details: 'A fictional account of a group chat in which officers mocked members of the public.',
        platform: 'whatsapp',
        seenAt: '2026-11-18',
        links: [],
      }),
    });
    if (response.status !== 201)
      throw new Error(`the reporter answered ${response.status}: ${await response.text()}`);
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      await fetch(`${base}/`);
      return { submit, stop: () => child.kill('SIGTERM') };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`The built reporter did not start on port ${REPORTER_PORT} within a minute`);
}

/** Signs in as a browser does: GET the form (CSRF cookie and token), POST it, keep the session cookie. */
async function signInThroughTheForm(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const form = await fetch(`${base}/sign-in`, { redirect: 'manual' });
  keep(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error('The sign-in form has no CSRF token');
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ username: USERNAME, password: PASSWORD, _csrf: token, next: '/' }),
  });
  if (signedIn.status !== 303) throw new Error(`Signing in through the form answered ${signedIn.status}`);
  keep(signedIn);
  if (![...jar.keys()].includes('precedent_session')) throw new Error('Signing in set no session cookie');
  return cookie();
}

/**
 * The API process's CPU time so far (user + system), from /proc: a figure other work on a shared
 * machine does not inflate as it does wall time. Linux only; 0 elsewhere.
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ", in clock ticks
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (row: string[]) =>
    `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  line(format(head));
  line(`|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`);
  for (const row of rows) line(format(row));
}

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
