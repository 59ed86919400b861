import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl, templateName, withServer } from '../support/databases';

const CLI = join(__dirname, '..', '..', 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');
const STALE_AFTER_MS = 6 * 3_600_000;

/**
 * Creates this run's template database with the real migrations, run by the built CLI exactly as
 * `npm run cli -- migrate` runs them. Each test file then clones it (per-file-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('Build first: the e2e tests run the built CLI (npm run build).');
  const runId = `r${Date.now().toString(36)}${process.pid.toString(36)}`;
  process.env.TEST_RUN_ID = runId;
  await withServer(async (client) => {
    // databases left by runs that crashed long ago
    // stamps are compared with the database server's clock, not this process's: a run under a
    // moved clock (faketime) must not take every other run's databases for stale ones
    const { rows } = await client.query<{ datname: string; server_ms: string }>(
      `SELECT datname, (extract(epoch FROM now()) * 1000)::bigint AS server_ms
         FROM pg_database WHERE datname LIKE 'precedent\\_r%\\_test'`,
    );
    for (const { datname, server_ms } of rows) {
      // the run id is "r", Date.now() in base 36 (8 characters until 2059), then the pid: reading a
      // shorter stamp would take a run that is still going for one from long ago and drop its databases
      const stamp = parseInt(/^precedent_r([a-z0-9]{8})[a-z0-9]*_/.exec(datname)?.[1] ?? '', 36);
      if (Number.isFinite(stamp) && Number(server_ms) - stamp > STALE_AFTER_MS) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  });
  execFileSync(process.execPath, [CLI, 'migrate'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(templateName(runId)),
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
      REPORTING_ENCRYPTION_KEY: 'test-reporting-encryption-key-long-enough-0123456789',
      REPORTING_LOOKUP_KEY: 'test-reporting-lookup-key-that-is-long-enough-012345',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
