/**
 * `npm run bench:analytics [-- 10000,100000,1000000]`: import rate (the built CLI into a scratch
 * database), comparables latency on the index, and the disparity computation's time and memory,
 * at each size. Figures go to stdout; nothing here is a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { quantile } from 'simple-statistics';
import { startBuiltApi } from './support/built-api';
import {
  conductFeatures,
  FORCE_CODE_LIST,
  indexRecords,
  outcomeBand,
  syntheticPrecedents,
} from '@precedent/analytics';
import type { PrecedentRecord } from '@precedent/exchange';
import { OUTCOMES } from '@precedent/exchange';

const CLI = join(__dirname, '..', 'dist/apps/cli/apps/cli/src/main.js');
const API_PORT = 3900;
const CONCURRENCY = 8;
const API_SECONDS = 20;
const SUSTAINED_RATE = 50;
const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const withDisparity = process.env.BENCH_DISPARITY !== '0';

async function main(): Promise<void> {
  for (const size of sizes) {
    const file = `/tmp/precedent-bench-${size}.jsonl`;
    const database = `precedent_bench_${size}`;
    const env = {
      ...process.env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      LOG_LEVEL: 'warn',
    };
    execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', database]);
    execFileSync(process.execPath, [CLI, 'migrate'], { env, stdio: 'ignore' });
    execFileSync(
      process.execPath,
      [CLI, 'synth', '--out', file, '--cases', String(size), '--seed', 'bench', '--bias', 'kent=1'],
      { env, stdio: 'ignore' },
    );

    const imported = timedCli(env, ['precedents', 'import', file, '--json']);
    const summary = JSON.parse(imported.stdout) as { imported: number };
    report(
      size,
      'import',
      `${summary.imported} records in ${imported.seconds.toFixed(1)} s = ${Math.round(summary.imported / imported.seconds)} records/s (CLI process, incl. start-up); peak RSS ${imported.peakMb} MB; file ${(statSync(file).size / 1e6).toFixed(0)} MB`,
    );

    const records: PrecedentRecord[] = [];
    for await (const line of createInterface({ input: createReadStream(file) }))
      if (line) records.push(JSON.parse(line));
    const time = Date.now();
    const index = indexRecords(records, records.length);
    report(
      size,
      'index build',
      `${Date.now() - time} ms, heap ${mb(process.memoryUsage().heapUsed)} MB, rss ${mb(process.memoryUsage().rss)} MB`,
    );

    const queries = [...syntheticPrecedents({ cases: 1000, seed: 'bench-queries' })].map((c) => c.record);
    const latencies: number[] = [];
    for (const query of queries) {
      const at = process.hrtime.bigint();
      const found = index.search(conductFeatures(query), { k: 20 });
      outcomeBand(
        found.map((n) => {
          const p = index.precedentAt(n.index);
          return {
            outcome: OUTCOMES[p.outcome],
            step: p.step,
            force: FORCE_CODE_LIST[p.force],
            similarity: n.similarity,
          };
        }),
      );
      latencies.push(Number(process.hrtime.bigint() - at) / 1e6);
    }
    const total = latencies.reduce((a, b) => a + b, 0);
    report(
      size,
      'comparables k=20',
      `p50 ${quantile(latencies, 0.5).toFixed(2)} ms, p95 ${quantile(latencies, 0.95).toFixed(2)} ms, p99 ${quantile(latencies, 0.99).toFixed(2)} ms, ${Math.round(1000 / (total / latencies.length))} searches/s on one core`,
    );

    await throughTheApi(size, env, queries);

    if (withDisparity) {
      // As an administrator runs it: the CLI loads the index from PostgreSQL, measures, stores.
      const job = timedCli(env, ['analytics', 'disparity', '--json']);
      const result = JSON.parse(job.stdout) as {
        measured: number;
        precedents: number;
        forces: { force: string; relativeSeverity: number; flagged: boolean }[];
        similarity?: { learned: boolean; reason?: string };
      };
      const kent = result.forces.find((force) => force.force === 'kent');
      report(
        size,
        'disparity job',
        `${job.seconds.toFixed(1)} s, peak RSS ${job.peakMb} MB; ${result.measured} of ${result.precedents} measured; kent (biased +1) ${kent?.relativeSeverity} flagged ${kent?.flagged}; ${result.forces.filter((force) => force.flagged).length} forces flagged; similarity ${result.similarity?.learned ? 'learned' : `fixed (${result.similarity?.reason})`}`,
      );
      // The inconsistent pairs, computed afresh by the CLI on the stored data (after the disparity
      // job, so with the similarity it learned).
      const pairs = timedCli(env, ['analytics', 'inconsistencies', '--json', '--limit', '50']);
      const found = JSON.parse(pairs.stdout) as { pairs: unknown[] };
      report(
        size,
        'inconsistent pairs',
        `${pairs.seconds.toFixed(1)} s, peak RSS ${pairs.peakMb} MB (CLI process, incl. start-up and loading the index); ${found.pairs.length} pairs printed`,
      );
    }
    execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', database]);
  }
}

/** Runs the built CLI as `npm run cli` does, timing it and reading its peak memory from GNU time. */
function timedCli(
  env: NodeJS.ProcessEnv,
  args: string[],
): { stdout: string; seconds: number; peakMb: string } {
  const started = Date.now();
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', 'PEAK_KB=%M', process.execPath, '--max-semi-space-size=64', CLI, ...args],
    { env, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const peak = /PEAK_KB=(\d+)/.exec(result.stderr)?.[1];
  return {
    stdout: result.stdout,
    seconds: (Date.now() - started) / 1000,
    peakMb: peak ? (Number(peak) / 1024).toFixed(0) : '?',
  };
}

/** Comparables through the HTTP API: sign in, wait for the index, then CONCURRENCY clients for API_SECONDS. */
async function throughTheApi(
  size: number,
  env: NodeJS.ProcessEnv,
  queries: PrecedentRecord[],
): Promise<void> {
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
      'panel_member',
    ],
    { env, stdio: 'ignore' },
  );
  const api = await startBuiltApi(env, API_PORT, 'bench', 'bench-password-2026');
  try {
    const { base, token } = api;
    const ask = async (record: PrecedentRecord) => {
      const { subject, conduct, messageCount, standards, culpability, harm, aggravating, mitigating } =
        record;
      const response = await fetch(`${base}/api/analytics/comparables`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          profile: { subject, conduct, messageCount, standards, culpability, harm, aggravating, mitigating },
          k: 20,
        }),
      });
      if (!response.ok) throw new Error(`comparables answered ${response.status}: ${await response.text()}`);
      await response.json();
    };
    let time = Date.now();
    await ask(queries[0]); // the first request waits for the index to load
    report(size, 'API first request', `${Date.now() - time} ms (loads the index from PostgreSQL)`);
    // Sustained: 50 requests a second, each started on time whatever the others are doing.
    const sustained: number[] = [];
    const inFlight: Promise<void>[] = [];
    const started = Date.now();
    for (let at = 0; at < SUSTAINED_RATE * API_SECONDS; at++) {
      const due = started + (at * 1000) / SUSTAINED_RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(
        (async () => {
          const begin = process.hrtime.bigint();
          await ask(queries[at % queries.length]);
          sustained.push(Number(process.hrtime.bigint() - begin) / 1e6);
        })(),
      );
    }
    await Promise.all(inFlight);
    const elapsed = (Date.now() - started) / 1000;
    report(
      size,
      'API sustained',
      `${SUSTAINED_RATE} requests/s offered for ${API_SECONDS} s: ${Math.round(sustained.length / elapsed)} answered/s, p50 ${quantile(sustained, 0.5).toFixed(1)} ms, p95 ${quantile(sustained, 0.95).toFixed(1)} ms`,
    );

    const latencies: number[] = [];
    const until = Date.now() + API_SECONDS * 1000;
    time = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < until) {
          const started = process.hrtime.bigint();
          await ask(queries[next++ % queries.length]);
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }),
    );
    const seconds = (Date.now() - time) / 1000;
    report(
      size,
      'API saturated',
      `${CONCURRENCY} concurrent clients for ${seconds.toFixed(0)} s: ${Math.round(latencies.length / seconds)} requests/s, p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms`,
    );
  } finally {
    api.stop();
  }
}

function report(size: number, what: string, figures: string): void {
  process.stdout.write(`${String(size).padStart(8)}  ${what.padEnd(18)} ${figures}\n`);
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
