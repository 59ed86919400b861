import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** The server the suite runs on; its database part is replaced by each run's own databases. */
export const SERVER_URL = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  if (!name.endsWith('_test')) {
    throw new Error(`Refusing to use database "${name}": test databases must end in _test.`);
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function templateName(runId: string): string {
  return `precedent_${runId}_template_test`;
}

/** Where this run's test files append their audit anchors; removed with the run's databases. */
export function anchorsFolder(runId: string): string {
  return join(tmpdir(), `precedent_${runId}_anchors`);
}
