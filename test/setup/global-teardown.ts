import { rm } from 'node:fs/promises';
import { anchorsFolder, withServer } from '../support/databases';

/** Drops every database this run created, and the audit anchors written against them. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TEST_RUN_ID;
  if (!runId || process.env.KEEP_TEST_DATABASES) return;
  await rm(anchorsFolder(runId), { recursive: true, force: true });
  await withServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`precedent\\_${runId}\\_%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
