import { ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { createRedisConnection } from '@precedent/platform';
import { SAMPLE_REPORT } from '../support/test-reporter';

const REPORTER_MAIN = join(
  __dirname,
  '..',
  '..',
  'dist',
  'apps',
  'reporter',
  'apps',
  'reporter',
  'src',
  'main.js',
);

// what a client gives away about itself; none of it may be kept
const USER_AGENT = 'AnonymityProbe/7.3 (X11; Linux x86_64) distinctive-agent-q8z7';
const FORWARDED_FOR = '203.0.113.77';
const REFERRER = 'https://intranet.force.example/colleague-directory/pc-4471';
// the connection really comes from this loopback address (Linux routes all of 127.0.0.0/8 locally)
const CLIENT_ADDRESS = '127.0.0.77';
const NEEDLES = [
  USER_AGENT,
  'distinctive-agent-q8z7',
  FORWARDED_FOR,
  CLIENT_ADDRESS,
  'intranet.force.example',
];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

describe('anonymity by construction', () => {
  let child: ChildProcess;
  let port: number;
  let logs = '';

  beforeAll(async () => {
    port = await freePort();
    child = spawn(process.execPath, [REPORTER_MAIN], {
      env: { ...process.env, REPORTER_PORT: String(port), LOG_LEVEL: 'trace' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!logs.includes('listening on')) {
      if (child.exitCode !== null) throw new Error(`reporter exited: ${logs}`);
      if (Date.now() > deadline) throw new Error(`reporter did not start: ${logs}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  });

  function call(method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          localAddress: CLIENT_ADDRESS,
          headers: {
            'User-Agent': USER_AGENT,
            'X-Forwarded-For': FORWARDED_FOR,
            'X-Real-IP': FORWARDED_FOR,
            Forwarded: `for=${FORWARDED_FOR};proto=https`,
            Referer: REFERRER,
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: text ? JSON.parse(text) : {},
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  it('keeps no address, user agent or referrer in its logs, its database or Redis', async () => {
    // the whole journey, a wrong code and a refused request included
    const submitted = await call('POST', '/api/reports', SAMPLE_REPORT);
    expect(submitted.status).toBe(201);
    const receipt = submitted.body.receipt as string;
    expect((await call('POST', '/api/session', { receipt: '0000 0000 0000 0000 0000' })).status).toBe(401);
    expect((await call('POST', '/api/reports', { summary: '' })).status).toBe(400);
    const session = await call('POST', '/api/session', { receipt });
    expect(session.status).toBe(200);
    const token = session.body.token as string;
    expect((await call('POST', '/api/report/messages', { body: 'More detail follows.' }, token)).status).toBe(
      201,
    );
    expect((await call('GET', '/api/report', undefined, token)).status).toBe(200);
    for (const answer of [submitted, session]) expect(answer.headers['set-cookie']).toBeUndefined();

    // logs: trace level, so every request was logged, yet nothing about the client is in them
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logs).toContain('/api/reports'); // the capture works
    expect(logs).toContain('/api/session');
    // and no line dates the visit closer than the hour
    const times = logs
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { time: unknown }).time);
    expect(times.length).toBeGreaterThan(5);
    for (const time of times) expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/);
    for (const needle of [...NEEDLES, receipt, receipt.replace(/ /g, ''), token])
      expect(logs).not.toContain(needle);

    // every column of every table, as text (bytea as hex, so hex-encoded needles too)
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const tables = await db.query<{ name: string }>(
        `SELECT quote_ident(table_name) AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.rows.map((t) => t.name)).toEqual(
        expect.arrayContaining(['anonymous_reports', 'audit_events']),
      );
      const hits: string[] = [];
      let searched = 0;
      for (const { name } of tables.rows) {
        for (const needle of NEEDLES) {
          const hex = Buffer.from(needle).toString('hex');
          const found = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${name} t WHERE t::text ILIKE '%' || $1 || '%' OR t::text ILIKE '%' || $2 || '%'`,
            [needle, hex],
          );
          searched++;
          if (found.rows[0].n > 0) hits.push(`${name}: ${needle}`);
        }
      }
      expect(searched).toBeGreaterThan(10 * NEEDLES.length);
      expect(hits).toEqual([]);
      // the search itself finds what is there
      const control = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM anonymous_reports t WHERE t::text ILIKE '%received%'`,
      );
      expect(control.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }

    // Redis: the session and the attempt counter, keys and values
    const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:*`);
      expect(keys.some((k) => k.includes(':reporting:session:'))).toBe(true);
      expect(keys.some((k) => k.includes(':reporting:attempts:'))).toBe(true);
      const values = await Promise.all(keys.map((k) => redis.get(k).catch(() => '')));
      const everything = [...keys, ...values].join('\n');
      for (const needle of [...NEEDLES, token]) expect(everything).not.toContain(needle);
    } finally {
      redis.disconnect();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
