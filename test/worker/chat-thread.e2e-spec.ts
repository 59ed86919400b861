import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildApp, MAINS } from '../support/child-app';
import { freePort } from '../support/private-redis';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';

const LINES = 100_000;

/** A fictional group chat of `lines` lines about `topic`, every tenth a continuation of the message before. */
function largeChat(lines: number, topic: string): Buffer {
  const names = ['Sam Fictional', 'Alex Example', 'Jo Placeholder'];
  const out: string[] = [];
  const start = Date.UTC(2025, 0, 13, 6, 0);
  for (let i = 0; i < lines; i++) {
    if (i % 10 === 9) {
      out.push('and the rota after that');
      continue;
    }
    const t = new Date(start + i * 37_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    out.push(
      `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}, ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} - ${names[i % names.length]}: message ${i} about the ${topic}`,
    );
  }
  return Buffer.from(out.join('\n'));
}

/**
 * The built worker reads a chat export on a thread of its own: while a large export is parsed, its
 * event loop is free (it answers /health again and again, as it renews job locks), and a chat that
 * cannot be read fails with the parser's own reason, carried back from the thread.
 */
describe('chat exports read on a thread of the built worker', () => {
  let api: TestApi;
  let investigator: SignedInUser;
  let worker: ChildApp;
  let caseId: string;
  const evidenceDir = mkdtempSync(join(tmpdir(), 'precedent-chat-thread-'));

  beforeAll(async () => {
    process.env.EVIDENCE_DIR = evidenceDir;
    api = await startTestApi();
    investigator = await api.signedIn(['investigator'], { team: 'east' });
    const port = await freePort();
    worker = await ChildApp.start(MAINS.worker, port, {
      WORKER_PORT: String(port),
      EVIDENCE_DIR: evidenceDir,
    });
    const created = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({
        source: 'psd_direct',
        receivedAt: '2026-11-02',
        summary: 'A WhatsApp group of response officers.',
      })
      .expect(201);
    caseId = created.body.id as string;
  }, 90_000);

  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    delete process.env.EVIDENCE_DIR;
    rmSync(evidenceDir, { recursive: true, force: true });
  });

  const upload = async (bytes: Buffer, name: string) =>
    (
      await api
        .http()
        .post(`/api/cases/${caseId}/evidence`)
        .set(investigator.auth)
        .field('platform', 'whatsapp')
        .attach('file', bytes, name)
        .expect(201)
    ).body.id as string;

  const settled = (id: string) =>
    eventually(
      async () => {
        const item = await api.http().get(`/api/evidence/${id}`).set(investigator.auth).expect(200);
        return ['processed', 'failed'].includes(item.body.status as string)
          ? (item.body as { status: string; error?: string; archive?: { posts: number } })
          : undefined;
      },
      { what: `evidence ${id} to be processed`, timeoutMs: 120_000, intervalMs: 250 },
    );

  it('answers /health over and over while it parses a 100,000-line export, then stores every message', async () => {
    const id = await upload(largeChat(LINES, 'night shift'), 'WhatsApp Chat with Night shift.txt');
    await eventually(async () => worker.output.includes('Reading a chat export'), {
      what: 'the worker to start reading the chat',
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    // One request after another: a worker parsing on its main thread answers at most the one that
    // was waiting when it finished, and only after it has logged that the export was read.
    let answeredWhileParsing = 0;
    while (!worker.output.includes('Chat export read on a thread')) {
      const status = await worker.health();
      if (status !== null && !worker.output.includes('Chat export read on a thread')) answeredWhileParsing++;
      if (status === null && worker.child.exitCode !== null)
        throw new Error(`worker exited:\n${worker.output}`);
    }
    expect(answeredWhileParsing).toBeGreaterThanOrEqual(5);

    const item = await settled(id);
    expect({ status: item.status, error: item.error ?? null }).toEqual({ status: 'processed', error: null });
    expect(item.archive?.posts).toBe(LINES - LINES / 10);
    const [{ count }] = await api.dataSource.query<{ count: string }[]>(
      'SELECT count(*) FROM archive_posts WHERE evidence_id = $1',
      [id],
    );
    expect(Number(count)).toBe(LINES - LINES / 10);
  }, 180_000);

  it('fails a chat whose date order cannot be settled with the reason the parser gave on its thread', async () => {
    const id = await upload(
      Buffer.from(['01/02/2026, 10:00 - Sam Fictional: a', '02/03/2026, 10:00 - Alex Example: b'].join('\n')),
      'WhatsApp Chat with Day shift.txt',
    );
    const item = await settled(id);
    expect(item.status).toBe('failed');
    expect(item.error).toMatch(
      /no day is over 12 \(for example "01\/02\/2026"\)\. Choose the order \(dmy or mdy\)/,
    );
  }, 120_000);

  it('ends the thread when the worker is told to stop mid-parse: the worker exits cleanly and the item waits for a retry', async () => {
    const id = await upload(largeChat(LINES, 'late shift'), 'WhatsApp Chat with Late shift.txt');
    const reading = worker.output.split('Reading a chat export').length - 1;
    await eventually(async () => worker.output.split('Reading a chat export').length - 1 > reading, {
      what: 'the worker to start reading the second large chat',
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    worker.signal('SIGTERM');
    // without ending the thread the job would run on to its end, past the shutdown deadline (exit 1)
    expect(await worker.exit()).toEqual({ code: 0, signal: null });
    const item = (await api.http().get(`/api/evidence/${id}`).set(investigator.auth).expect(200)).body as {
      status: string;
      error: string | null;
    };
    expect(item).toMatchObject({
      status: 'queued',
      error:
        'The last attempt failed and will be retried: The worker stopped while reading this chat export; it is read again when the job is retried.',
    });
  }, 180_000);
});
