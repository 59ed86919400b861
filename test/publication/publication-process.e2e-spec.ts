import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@precedent/platform';
import { ChildApp, MAINS } from '../support/child-app';
import { freePort } from '../support/private-redis';

/** GET on the child's port: status and body. */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

/**
 * The built publication site started as `npm run start:publication` starts it, connected as a
 * database role that may read `published_notices` and nothing else: it serves its pages and health.
 */
describe('the publication process with a read-only role', () => {
  const role = `publication_${randomBytes(5).toString('hex')}`;
  // this file's database is set up before the first test, not when the file is read
  let databaseUrl: string;
  let database: string;
  let admin: DataSource;
  let app: ChildApp | undefined;

  beforeAll(async () => {
    databaseUrl = process.env.DATABASE_URL!;
    database = new URL(databaseUrl).pathname.slice(1);
    admin = new DataSource({ ...dataSourceOptions({ DATABASE_URL: databaseUrl }, { poolSize: 1 }) });
    await admin.initialize();
    await admin.query(`CREATE ROLE "${role}" LOGIN`);
    await admin.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
    await admin.query(`GRANT USAGE ON SCHEMA public TO "${role}"`);
    await admin.query(`GRANT SELECT ON published_notices TO "${role}"`);
  });

  afterAll(async () => {
    await app?.kill();
    await admin.query(`REVOKE ALL ON published_notices FROM "${role}"`);
    await admin.query(`REVOKE ALL ON SCHEMA public FROM "${role}"`);
    await admin.query(`REVOKE ALL ON DATABASE "${database}" FROM "${role}"`);
    await admin.query(`DROP ROLE "${role}"`);
    await admin.destroy();
  });

  it('starts, answers /health with a status only, and serves its pages', async () => {
    const port = await freePort();
    const url = new URL(databaseUrl);
    url.username = role;
    app = await ChildApp.start(MAINS.publication, port, {
      DATABASE_URL: url.toString(),
      PUBLICATION_PORT: String(port),
    });
    expect(await get(port, '/health')).toEqual({ status: 200, body: '{"status":"up"}' });
    const index = await get(port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('Police misconduct hearings');
    expect((await get(port, '/feed.atom')).body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect((await get(port, '/cases')).status).toBe(404);
    expect(app.output).toContain('Precedent publication site listening on');
  }, 90_000);

  it('as that role, the database refuses every case table', async () => {
    const url = new URL(databaseUrl);
    url.username = role;
    const reader = new DataSource({
      // the refusals below are expected: no error lines for them
      ...dataSourceOptions({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' }, { poolSize: 1 }),
    });
    await reader.initialize();
    try {
      await expect(reader.query('SELECT count(*) FROM published_notices')).resolves.toHaveLength(1);
      for (const table of ['cases', 'case_subjects', 'hearings', 'publication_decisions', 'audit_events'])
        await expect(reader.query(`SELECT 1 FROM ${table} LIMIT 1`)).rejects.toThrow(/permission denied/);
    } finally {
      await reader.destroy();
    }
  });
});
