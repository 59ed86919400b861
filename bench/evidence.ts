/**
 * `npm run bench:evidence`: the evidence figures the issue asks for, measured on this machine.
 * - upload: a 200 MB file streamed as multipart to the built API (its own process), MB/s and the
 *   API process's resident memory growth (sampled from /proc every 20 ms);
 * - WhatsApp: a 200,000-line chat export, parsed alone in this process, then uploaded and processed
 *   by the built worker end to end (parsed, posts inserted and indexed);
 * - the worker's event loop: the longest time it was held up while it processed the chat and the X
 *   archive (a job's lock is renewed only when it is free), from bench/support/event-loop-probe.js;
 * - OCR: a 1080×2340 phone screenshot read by the OCR engine (tesseract.js runs one worker thread).
 * Figures go to stdout; nothing here is a test.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { OcrEngine, parseWhatsAppChat } from '@precedent/evidence';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');
const API = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const DATABASE = 'precedent_bench_evidence';
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 200);
const CHAT_LINES = Number(process.env.BENCH_CHAT_LINES ?? 200_000);
const TWEETS = Number(process.env.BENCH_TWEETS ?? 100_000);
const API_PORT = 3950;

const evidenceDir = mkdtempSync(join(tmpdir(), 'precedent-bench-evidence-'));
const PROBE = join(__dirname, 'support', 'event-loop-probe.js');
const probeFile = join(evidenceDir, 'event-loop.json');
const env = {
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DATABASE}`,
  QUEUE_PREFIX: `bench_${randomBytes(3).toString('hex')}`,
  EVIDENCE_DIR: evidenceDir,
  EVENT_LOOP_PROBE_FILE: probeFile,
  EVIDENCE_MAX_FILE_MB: String(UPLOAD_MB + 10),
  API_PORT: String(API_PORT),
  WORKER_PORT: String(API_PORT + 2),
  LOG_LEVEL: 'warn',
  SESSION_SECRET: 'bench-session-secret-that-is-long-enough-0123456789',
};

async function main(): Promise<void> {
  execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', DATABASE]);
  execFileSync(process.execPath, [CLI, 'migrate'], { env, stdio: 'ignore' });
  const password = 'bench password 0123456789';
  execFileSync(
    process.execPath,
    [
      CLI,
      'users',
      'create',
      '--username',
      'bench',
      '--password',
      password,
      '--role',
      'investigator',
      '--team',
      'bench',
    ],
    { env, stdio: 'ignore' },
  );

  const api = await start(API, `http://127.0.0.1:${API_PORT}/health`);
  let worker: ChildProcess | undefined;
  try {
    const token = (await json('POST', '/api/auth/login', { username: 'bench', password }))
      .accessToken as string;
    const kase = await json(
      'POST',
      '/api/cases',
      { source: 'psd_direct', receivedAt: '2026-11-02', summary: 'Benchmark case, fictional.' },
      token,
    );

    // upload: bytes generated on the fly, never held whole by this process either
    const before = rssKb(api.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssKb(api.pid!))), 20);
    const started = process.hrtime.bigint();
    const upload = await multipart(
      `/api/cases/${String(kase.id)}/evidence`,
      token,
      'big.txt',
      UPLOAD_MB * 1024 * 1024,
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    line(
      'upload',
      `${UPLOAD_MB} MB in ${seconds.toFixed(2)} s = ${(UPLOAD_MB / seconds).toFixed(0)} MB/s to local storage (HTTP multipart on loopback, hashed, committed); API RSS ${Math.round(before / 1024)} MB -> peak ${Math.round(peak / 1024)} MB (growth ${Math.round((peak - before) / 1024)} MB); answer ${upload.status} ${String(upload.body.sha256).slice(0, 12)}…`,
    );

    // WhatsApp: parse alone, then end to end through the worker
    const chat = whatsAppChat(CHAT_LINES);
    const heapBefore = process.memoryUsage().heapUsed;
    const parseStart = process.hrtime.bigint();
    const parsed = parseWhatsAppChat(chat.toString('utf8'));
    const parseSeconds = Number(process.hrtime.bigint() - parseStart) / 1e9;
    line(
      'whatsapp',
      `${CHAT_LINES} lines (${(chat.length / 1e6).toFixed(1)} MB) parsed into ${parsed.messages.length} messages in ${parseSeconds.toFixed(2)} s in process; heap +${Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6)} MB`,
    );

    worker = await start(WORKER, `http://127.0.0.1:${API_PORT + 2}/health`, [PROBE]);
    await eventLoop(worker); // from here on: the chat's processing
    const e2eStart = process.hrtime.bigint();
    const chatUpload = await multipart(
      `/api/cases/${String(kase.id)}/evidence`,
      token,
      'WhatsApp Chat with Bench.txt',
      chat,
    );
    let status = '';
    let item: Record<string, unknown> = {};
    while (!['processed', 'failed'].includes(status)) {
      await new Promise((r) => setTimeout(r, 200));
      item = await json('GET', `/api/evidence/${String(chatUpload.body.id)}`, undefined, token);
      status = item.status as string;
    }
    const e2eSeconds = Number(process.hrtime.bigint() - e2eStart) / 1e9;
    line(
      'whatsapp',
      `upload -> ${status} (${(item.archive as { posts?: number } | null)?.posts ?? 0} posts stored and indexed) in ${e2eSeconds.toFixed(2)} s end to end (API, outbox relay, worker)${item.error ? `: ${String(item.error)}` : ''}`,
    );
    line(
      'whatsapp',
      `worker event loop while it processed the chat: ${describeDelay(await eventLoop(worker))}`,
    );
    // X: a 100,000-tweet tweets.js through the worker, with the worker's memory sampled
    const tweets = tweetsJs(TWEETS);
    const workerBefore = rssKb(worker.pid!);
    let workerPeak = workerBefore;
    const workerSampler = setInterval(() => (workerPeak = Math.max(workerPeak, rssKb(worker!.pid!))), 50);
    const xStart = process.hrtime.bigint();
    const xUpload = await multipart(`/api/cases/${String(kase.id)}/evidence`, token, 'tweets.js', tweets);
    let xItem: Record<string, unknown> = {};
    while (!['processed', 'failed'].includes(xItem.status as string)) {
      await new Promise((r) => setTimeout(r, 200));
      xItem = await json('GET', `/api/evidence/${String(xUpload.body.id)}`, undefined, token);
    }
    clearInterval(workerSampler);
    const xDelay = await eventLoop(worker);
    line(
      'x',
      `${TWEETS} tweets (${(tweets.length / 1e6).toFixed(0)} MB tweets.js) -> ${String(xItem.status)} (${(xItem.archive as { posts?: number } | null)?.posts ?? 0} posts) in ${(Number(process.hrtime.bigint() - xStart) / 1e9).toFixed(2)} s end to end; worker RSS ${Math.round(workerBefore / 1024)} MB -> peak ${Math.round(workerPeak / 1024)} MB (growth ${Math.round((workerPeak - workerBefore) / 1024)} MB)${xItem.error ? `: ${String(xItem.error)}` : ''}`,
    );
    line('x', `worker event loop while it processed the archive: ${describeDelay(xDelay)}`);

    const searchStart = process.hrtime.bigint();
    const found = await json('GET', `/api/cases/${String(kase.id)}/posts?q=d3p0t&limit=5`, undefined, token);
    line(
      'search',
      `"d3p0t" over ${CHAT_LINES} posts: ${String(found.total)} hits in ${(Number(process.hrtime.bigint() - searchStart) / 1e6).toFixed(0)} ms`,
    );
  } finally {
    worker?.kill('SIGTERM');
    api.kill('SIGTERM');
  }

  // OCR of a phone screenshot, one engine, after a warm-up (the first call loads the model)
  const ocr = new OcrEngine();
  const screenshot = await phoneScreenshot();
  await ocr.recognise(await sharp(screenshot).greyscale().png().toBuffer());
  const ocrStart = process.hrtime.bigint();
  const result = await ocr.recognise(await sharp(screenshot).greyscale().png().toBuffer());
  line(
    'ocr',
    `1080x2340 screenshot: ${result.words.length} words in ${(Number(process.hrtime.bigint() - ocrStart) / 1e9).toFixed(2)} s (tesseract.js, one worker thread, model loaded)`,
  );
  await ocr.onApplicationShutdown();

  rmSync(evidenceDir, { recursive: true, force: true });
  execFileSync('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', DATABASE]);
}

function line(what: string, text: string): void {
  console.log(`${what.padEnd(9)} ${text}`);
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

interface EventLoopDelay {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
}

/** The event-loop delay the probe recorded in `child` since the last call (SIGUSR2 asks for it). */
async function eventLoop(child: ChildProcess): Promise<EventLoopDelay> {
  rmSync(probeFile, { force: true });
  child.kill('SIGUSR2');
  for (let i = 0; i < 600 && !existsSync(probeFile); i++) await new Promise((r) => setTimeout(r, 50));
  return JSON.parse(readFileSync(probeFile, 'utf8')) as EventLoopDelay;
}

function describeDelay(delay: EventLoopDelay): string {
  return `longest hold-up ${delay.maxMs} ms, p99 ${delay.p99Ms} ms, mean ${delay.meanMs} ms (monitorEventLoopDelay, 10 ms resolution; the job lock is renewed every 15 s and lost after 30 s)`;
}

async function start(script: string, health: string, preload: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...preload.flatMap((file) => ['-r', file]), script], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 150; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const up = await new Promise<boolean>((resolve) =>
      request(health, (res) => {
        res.resume();
        resolve(res.statusCode === 200 || res.statusCode === 503);
      })
        .on('error', () => resolve(false))
        .end(),
    );
    if (up) return child;
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

function json(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: API_PORT,
        method,
        path,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString() || '{}')));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Streams a multipart body: a file of `content` bytes, or of `size` generated bytes. */
function multipart(
  path: string,
  token: string,
  filename: string,
  content: Buffer | number,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = typeof content === 'number' ? content : content.length;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: API_PORT,
        method: 'POST',
        path,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + size + tail.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    void (async () => {
      req.write(head);
      if (typeof content === 'number') {
        const chunk = Buffer.alloc(1024 * 1024, 'fictional evidence text line\n');
        for (let sent = 0; sent < content; sent += chunk.length) {
          const piece = chunk.subarray(0, Math.min(chunk.length, content - sent));
          if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
        }
      } else req.write(content);
      req.end(tail);
    })();
  });
}

function whatsAppChat(lines: number): Buffer {
  const names = ['Sam Fictional', 'Alex Example', 'Jo Placeholder', 'Chris Sample', 'Pat Dummy'];
  const words = [
    'shift',
    'depot',
    'briefing',
    'rota',
    'parade',
    'van',
    'custody',
    'station',
    'late',
    'overtime',
  ];
  const out: string[] = [];
  const start = Date.UTC(2025, 0, 13, 6, 0);
  for (let i = 0; i < lines; i++) {
    if (i % 10 === 9) {
      out.push(`continuation line about the ${words[i % words.length]}`);
      continue;
    }
    const t = new Date(start + i * 37_000);
    const d = `${String(t.getUTCDate()).padStart(2, '0')}/${String(t.getUTCMonth() + 1).padStart(2, '0')}/${t.getUTCFullYear()}, ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
    const text =
      i % 50 === 0
        ? '<Media omitted>'
        : `message ${i} about the ${words[i % words.length]} and the ${words[(i * 7) % words.length]}`;
    out.push(`${d} - ${names[i % names.length]}: ${text}`);
  }
  return Buffer.from(out.join('\n'));
}

function tweetsJs(count: number): Buffer {
  const words = [
    'shift',
    'depot',
    'briefing',
    'rota',
    'parade',
    'van',
    'custody',
    'station',
    'late',
    'overtime',
  ];
  const parts: string[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i * 600_000)
      .toUTCString()
      .replace(/^(\w{3}), (\d{2}) (\w{3}) (\d{4}) (\S+) GMT$/, '$1 $3 $2 $5 +0000 $4');
    parts.push(
      JSON.stringify({
        tweet: {
          edit_info: {
            initial: {
              editTweetIds: [String(10_000_000 + i)],
              editableUntil: '2024-01-01T00:30:00.000Z',
              editsRemaining: '5',
              isEditEligible: true,
            },
          },
          retweeted: false,
          source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
          entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
          display_text_range: ['0', '120'],
          favorite_count: String(i % 17),
          id_str: String(10_000_000 + i),
          truncated: false,
          retweet_count: String(i % 5),
          id: String(10_000_000 + i),
          created_at: at,
          favorited: false,
          full_text: `Fictional post ${i} about the ${words[i % words.length]} and the ${words[(i * 3) % words.length]}, nothing real here at all.`,
          lang: 'en',
        },
      }),
    );
  }
  return Buffer.from(`window.YTD.tweets.part0 = [ ${parts.join(',\n')} ]`);
}

async function phoneScreenshot(): Promise<Buffer> {
  const rows: string[] = [];
  for (let i = 0; i < 36; i++) {
    const y = 140 + i * 60;
    const mine = i % 3 === 0;
    rows.push(
      `<rect x="${mine ? 300 : 40}" y="${y - 40}" width="740" height="52" rx="14" fill="${mine ? '#dcf8c6' : '#ffffff'}"/>`,
    );
    rows.push(
      `<text x="${mine ? 320 : 60}" y="${y}" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#111">Fictional message ${i + 1} about the late shift</text>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="2340"><rect width="100%" height="100%" fill="#ece5dd"/><rect width="100%" height="90" fill="#075e54"/><text x="40" y="60" font-family="DejaVu Sans, sans-serif" font-size="36" fill="#fff">Night shift (fictional)</text>${rows.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
