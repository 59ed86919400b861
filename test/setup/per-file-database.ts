import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { anchorsFolder, databaseUrl, templateName, withServer } from '../support/databases';

/**
 * Each test file gets its own database, cloned from the run's migrated template, and its own queue
 * prefix and audit anchor file: files run in parallel without seeing each other's rows, jobs or anchors.
 */
beforeAll(async () => {
  const runId = process.env.TEST_RUN_ID;
  if (!runId) throw new Error('TEST_RUN_ID is missing: run e2e tests through test/jest-e2e.config.js');
  const suffix = randomBytes(4).toString('hex');
  const name = `precedent_${runId}_${suffix}_test`;
  await withServer(async (client) => {
    // a clone fails while another clone of the same template is starting: try again shortly
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(runId)}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  });
  process.env.DATABASE_URL = databaseUrl(name);
  process.env.QUEUE_PREFIX = `test_${runId}_${suffix}`;
  // anchors name events of this database only: a shared file would fail every other file's `audit verify`
  process.env.AUDIT_ANCHOR_FILE = join(anchorsFolder(runId), `${suffix}.jsonl`);
});
