/**
 * `npm run bench:cases`: 100,000 cases and 300,000 conduct items seeded with SQL into a scratch
 * database, the built API started against it, then `GET /api/cases` with filters and text search
 * (p95) and `GET /api/cases/:id` at 50 concurrent requests (p95, audit write included).
 * The API runs as `API_PROCESSES` processes (default 2: one a core on the 2-core machine the target
 * is set for); `API_PROCESSES=1` measures one process alone. `BENCH_CPU_PROF=<folder>` starts the
 * API with `--cpu-prof`, one profile a process written there when it stops (open it in Chrome's
 * DevTools or `node bench/support/profile-top.js`).
 * Figures go to stdout; nothing here is a test.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { quantile } from 'simple-statistics';
import { startBuiltApi } from './support/built-api';

const CLI = join(__dirname, '..', 'dist/apps/cli/apps/cli/src/main.js');
const CASES = Number(process.argv[2] ?? 100_000);
const DATABASE = 'precedent_bench_cases';
const PORT = 3901;
const API_PROCESSES = process.env.API_PROCESSES ?? '2';
const CPU_PROF = process.env.BENCH_CPU_PROF;
const WORDS = [
  'whatsapp',
  'group',
  'racist',
  'joke',
  'shift',
  'photo',
  'custody',
  'comment',
  'post',
  'screenshot',
  'sergeant',
  'public',
  'victim',
  'mocking',
  'abuse',
  'threat',
  'leaked',
  'video',
  'meme',
  'chat',
];

async function main(): Promise<void> {
  const env = {
    ...process.env,
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DATABASE}`,
    LOG_LEVEL: 'warn',
    API_PROCESSES,
  };
  execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', DATABASE]);
  execFileSync(process.execPath, [CLI, 'migrate'], { env, stdio: 'ignore' });
  execFileSync(
    process.execPath,
    [
      CLI,
      'users',
      'create',
      '--username',
      'bench',
      '--password',
      'bench-password-2026',
      '--role',
      'investigator',
      '--team',
      'north',
    ],
    { env, stdio: 'ignore' },
  );

  const db = new Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const [{ id: investigator }] = (await db.query(`SELECT id FROM users WHERE username = 'bench'`)).rows as {
    id: string;
  }[];
  let time = Date.now();
  const words = `ARRAY[${WORDS.map((word) => `'${word}'`).join(',')}]`;
  // Half the cases are the bench user's team's; the rest another team's, so access scoping is exercised.
  await db.query(
    `INSERT INTO cases (reference, source, received_at, came_to_attention_on, regime, summary, status, assigned_investigator_id, team, version)
     SELECT 'PSD-' || (2016 + n % 10) || '-' || lpad(n::text, 6, '0'), (ARRAY['line_manager','psd_direct','public_complaint','proactive_monitoring'])[1 + n % 4],
            d, d, CASE WHEN d < '2020-02-01' THEN 'pcr2012' ELSE 'pcr2020' END,
            'Report of ' || (${words})[1 + n % 20] || ' ' || (${words})[1 + (n / 20) % 20] || ' by an officer in group nickname' || (n % 5000),
            (ARRAY['received','assessed','investigating','referred_to_hearing','decided','closed'])[1 + n % 6],
            CASE WHEN n % 2 = 0 THEN $1::uuid END, CASE WHEN n % 2 = 0 THEN 'north' ELSE 'south' END, 1
       FROM generate_series(1, $2::int) AS n, LATERAL (SELECT DATE '2016-01-01' + (n % 3800) AS d) AS dates`,
    [investigator, CASES],
  );
  await db.query(
    `INSERT INTO conduct_items (case_id, platform, audience, text, categories, targets, participation)
     SELECT c.id, (ARRAY['facebook','twitter','instagram','whatsapp'])[1 + (k + h) % 4], (ARRAY['public','followers','private_group','direct_message'])[1 + h % 4],
            'they said ' || (${words})[1 + (h + k) % 20] || ' ' || (${words})[1 + (h / 7 + k) % 20] || ' ' || (${words})[1 + (h / 49) % 20] || ' item ' || k,
            ARRAY[(ARRAY['discriminatory','abusive_or_offensive','sexual','mocking_victims_or_public','disclosure_of_police_information'])[1 + (h + k) % 5]],
            CASE WHEN h % 3 = 0 THEN ARRAY['race'] ELSE '{}'::text[] END, 'author'
       FROM (SELECT id, abs(hashtext(id::text)) AS h FROM cases) c, generate_series(1, 3) AS k`,
  );
  // the conduct items' trigger rewrote every case row once: clear the dead rows as autovacuum would
  await db.query('VACUUM ANALYZE');
  report(
    'seed',
    `${CASES} cases and ${CASES * 3} conduct items in ${((Date.now() - time) / 1000).toFixed(0)} s`,
  );
  const ids = (
    (await db.query(`SELECT id FROM cases WHERE team = 'north' ORDER BY random() LIMIT 2000`)).rows as {
      id: string;
    }[]
  ).map((row) => row.id);
  await db.end();

  const api = await startBuiltApi(
    env,
    PORT,
    'bench',
    'bench-password-2026',
    CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [],
  );
  try {
    const { base, token } = api;
    const get = async (path: string) => {
      const started = process.hrtime.bigint();
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      return Number(process.hrtime.bigint() - started) / 1e6;
    };

    const lists: Record<string, number[]> = {};
    const listQueries = (at: number) => {
      const word = WORDS[at % WORDS.length];
      return {
        'search q, rare term (~20 cases)': `/api/cases?q=nickname${(at * 37) % 5000}`,
        'search q, common word (~15% of cases)': `/api/cases?q=${word}`,
        'status + platform + category': `/api/cases?status=investigating&platform=whatsapp&category=discriminatory`,
        'search + filters + dates': `/api/cases?q=${word}&source=line_manager&receivedFrom=2020-01-01&receivedTo=2024-12-31&sort=-received`,
        'default page': '/api/cases',
      };
    };
    for (let round = 0; round < 60; round++) {
      for (const [name, path] of Object.entries(listQueries(round)))
        (lists[name] ??= []).push(await get(path));
    }
    for (const [name, latencies] of Object.entries(lists)) {
      report(
        `GET /api/cases ${name}`,
        `p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms (${latencies.length} requests, one at a time)`,
      );
    }

    const opened: number[] = [];
    time = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (Date.now() - time < 20_000) opened.push(await get(`/api/cases/${ids[next++ % ids.length]}`));
      }),
    );
    const seconds = (Date.now() - time) / 1000;
    report(
      'GET /api/cases/:id',
      `50 concurrent clients, ${API_PROCESSES} API processes, for ${seconds.toFixed(0)} s: ${Math.round(opened.length / seconds)} requests/s, p50 ${quantile(opened, 0.5).toFixed(1)} ms, p95 ${quantile(opened, 0.95).toFixed(1)} ms (each read audited)`,
    );
  } finally {
    api.stop();
  }
  execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', '--force', DATABASE]);
}

function report(what: string, figures: string): void {
  process.stdout.write(`${what.padEnd(50)} ${figures}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
