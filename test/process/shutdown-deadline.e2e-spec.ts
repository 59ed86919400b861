import { execFileSync } from 'node:child_process';
import { ChildApp, MAINS } from '../support/child-app';
import { freePort, PrivateRedis } from '../support/private-redis';

const DEADLINE_SECONDS = 3;
/** Time for Node to start up and write its last lines, beyond the deadline itself. */
const SLACK_MS = 2_000;

describe('shutdown with a deadline: every process exits within SHUTDOWN_TIMEOUT_SECONDS of SIGTERM', () => {
  let redis: PrivateRedis;
  const started: ChildApp[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.create();
  });
  afterAll(async () => {
    for (const app of started) await app.kill();
    await redis.stop();
  });

  async function start(
    main: string,
    portVariable: string,
    extra: Record<string, string> = {},
  ): Promise<ChildApp> {
    const port = await freePort();
    const app = await ChildApp.start(main, port, {
      ...extra,
      REDIS_URL: redis.url,
      [portVariable]: String(port),
      SHUTDOWN_TIMEOUT_SECONDS: String(DEADLINE_SECONDS),
    });
    started.push(app);
    return app;
  }

  async function stopTimed(app: ChildApp): Promise<{ ms: number; code: number | null }> {
    const from = Date.now();
    app.signal('SIGTERM');
    const { code } = await app.exit();
    return { ms: Date.now() - from, code };
  }

  it('a worker told to stop while Redis is down exits within the deadline', async () => {
    await redis.start();
    const worker = await start(MAINS.worker, 'WORKER_PORT');
    await redis.stop();
    // the worker's connections are now reconnecting to a Redis that is not there
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await worker.health()).not.toBeNull();

    const { ms } = await stopTimed(worker);
    expect(ms).toBeLessThan(DEADLINE_SECONDS * 1000 + SLACK_MS);
    expect(worker.output).toContain(`SIGTERM received; stopping within ${DEADLINE_SECONDS} s.`);
  }, 90_000);

  it('the API told to stop while Redis is down exits within the deadline', async () => {
    const api = await start(MAINS.api, 'API_PORT');
    const { ms } = await stopTimed(api);
    expect(ms).toBeLessThan(DEADLINE_SECONDS * 1000 + SLACK_MS);
  }, 90_000);

  it('a worker with Redis up stops cleanly, well inside the deadline, and says so with exit code 0', async () => {
    await redis.start();
    const worker = await start(MAINS.worker, 'WORKER_PORT');
    const { ms, code } = await stopTimed(worker);
    expect({ code, output: worker.output }).toEqual({ code: 0, output: expect.stringContaining('SIGTERM') });
    expect(ms).toBeLessThan(DEADLINE_SECONDS * 1000);
  }, 90_000);

  it('the API as two processes (API_PROCESSES=2) serves its port and stops them both within the deadline', async () => {
    const api = await start(MAINS.api, 'API_PORT', { API_PROCESSES: '2' });
    const children = () =>
      execFileSync('ps', ['--ppid', String(api.child.pid), '-o', 'pid='], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    const pids = children();
    expect(pids).toHaveLength(2);
    for (let i = 0; i < 4; i++) expect(await api.health()).not.toBeNull();

    const { ms } = await stopTimed(api);
    expect(ms).toBeLessThan(DEADLINE_SECONDS * 1000 + SLACK_MS);
    const alive = pids.filter((pid) => {
      try {
        process.kill(Number(pid), 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  }, 90_000);
});
