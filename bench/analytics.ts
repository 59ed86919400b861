/**
 * `npm run bench:analytics [-- 10000,100000,1000000]`: import rate (the built CLI into a scratch
 * database), comparables latency on the index, and the disparity computation's time and memory,
 * at each size. Figures go to stdout; nothing here is a test.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { quantile } from 'simple-statistics';
import {
  analyseDisparity,
  conductFeatures,
  FORCE_CODE_LIST,
  indexRecords,
  outcomeBand,
  syntheticPrecedents,
} from '@precedent/analytics';
import type { PrecedentRecord } from '@precedent/exchange';
import { OUTCOMES } from '@precedent/exchange';

const CLI = join(__dirname, '..', 'dist/apps/cli/apps/cli/src/main.js');
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

    const started = Date.now();
    // As `npm run cli` runs it: a larger young generation halves the time lost to garbage collection.
    const output = execFileSync(
      process.execPath,
      ['--max-semi-space-size=64', CLI, 'precedents', 'import', file, '--json'],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 1 << 26,
      },
    );
    const seconds = (Date.now() - started) / 1000;
    const summary = JSON.parse(output.toString()) as { imported: number };
    report(
      size,
      'import',
      `${summary.imported} records in ${seconds.toFixed(1)} s = ${Math.round(summary.imported / seconds)} records/s (CLI process, incl. start-up); file ${(statSync(file).size / 1e6).toFixed(0)} MB`,
    );

    const records: PrecedentRecord[] = [];
    for await (const line of createInterface({ input: createReadStream(file) }))
      if (line) records.push(JSON.parse(line));
    let time = Date.now();
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

    if (withDisparity) {
      time = Date.now();
      const analysis = analyseDisparity(index, FORCE_CODE_LIST);
      report(
        size,
        'disparity',
        `${((Date.now() - time) / 1000).toFixed(1)} s for ${analysis.measured} measured of ${analysis.precedents}; rss ${mb(process.memoryUsage().rss)} MB; kent ${analysis.forces.find((f) => f.force === 'kent')?.relativeSeverity}`,
      );
    }
    execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', database]);
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
