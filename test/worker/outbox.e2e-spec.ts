import { INestApplication } from '@nestjs/common';
import { PrivateRedis } from '../support/private-redis';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually, startTestWorker } from '../support/test-worker';

describe('the transactional outbox', () => {
  let redis: PrivateRedis;
  let api: TestApi;
  let worker: INestApplication;

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    // Redis is down from the start: the API and the worker are pointed at a port nothing answers on
    process.env.REDIS_URL = redis.url;
    api = await startTestApi();
    worker = await startTestWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  it('accepts a request while Redis is down, and runs its job once Redis is back', async () => {
    const admin = await api.signedIn(['admin']);
    const accepted = await api.http().post('/api/audit/verifications').set(admin.auth).expect(202);
    expect(accepted.body.status).toBe('queued');

    // the relay has tried and kept the work
    await eventually(
      async () => {
        const [row] = await api.dataSource.query<{ attempts: number; dispatched_at: Date | null }[]>(
          `SELECT attempts, dispatched_at FROM outbox_messages WHERE job_id = $1`,
          [`verify-${accepted.body.id}`],
        );
        return row && row.attempts > 0 && row.dispatched_at === null;
      },
      { what: 'a failed relay attempt' },
    );
    const health = await api.http().get('/health').expect(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.checks.outbox.pending).toBe(1);

    await redis.start();

    const done = await eventually(
      async () => {
        const response = await api.http().get(`/api/audit/verifications/${accepted.body.id}`).set(admin.auth);
        return response.body.status === 'passed' ? response.body : undefined;
      },
      { what: 'the verification job to run', timeoutMs: 45_000 },
    );
    expect(done.message).toMatch(/events checked; the chain is intact/);
    expect(done.eventsChecked).toBeGreaterThan(0);
  });
});
