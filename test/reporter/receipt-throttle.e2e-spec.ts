import { createRedisConnection } from '@precedent/platform';
import { startTestReporter, TestReporter } from '../support/test-reporter';

// read when the app boots; this file's own limit keeps the test short
process.env.RECEIPT_ATTEMPTS = '3';
process.env.RECEIPT_ATTEMPT_WINDOW_MINUTES = '5';

describe('guessing receipt codes', () => {
  let reporter: TestReporter;
  beforeAll(async () => {
    reporter = await startTestReporter();
  });
  afterAll(() => reporter.close());

  it('refuses every attempt, the right code too, once a client has used up its wrong ones, keeping no address', async () => {
    const receipt = await reporter.submit();
    for (let i = 0; i < 3; i++) {
      await reporter
        .http()
        .post('/api/session')
        .send({ receipt: `9999 9999 9999 9999 999${i}` })
        .expect(401);
    }
    const throttled = await reporter.http().post('/api/session').send({ receipt }).expect(429);
    expect(throttled.body).toMatchObject({
      code: 'too_many_attempts',
      message: expect.stringMatching(
        /^Too many codes have been tried\. Wait [1-5] minutes, then try again\.$/,
      ),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(throttled.body.details.retryAfterSeconds).toBeLessThanOrEqual(300);

    // the count sits under a keyed hash that expires with the window, never under the address
    const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:reporting:attempts:*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/:reporting:attempts:[0-9a-f]{32}$/);
      expect(keys[0]).not.toMatch(/127\.0\.0\.1|::1|ffff/);
      expect(await redis.get(keys[0])).toBe('3');
      const ttl = await redis.ttl(keys[0]);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(301);
    } finally {
      redis.disconnect();
    }
  });
});
