import { createRedisConnection } from '@precedent/platform';
import { startTestReporter, TestReporter } from '../support/test-reporter';

// read when the app boots; this file's own limits keep the test short. The tests connect from the
// loopback address, configured here as the trusted proxy that may name clients.
process.env.RECEIPT_ATTEMPTS = '3';
process.env.RECEIPT_GLOBAL_ATTEMPTS = '30';
process.env.RECEIPT_ATTEMPT_WINDOW_MINUTES = '5';
process.env.TRUSTED_PROXIES = '127.0.0.1,::1';

let wrong = 0;
/** A code no report has, different every time. */
const wrongCode = () => `9999 9999 9999 9999 ${String(1000 + ++wrong).slice(-4)}`;

describe('guessing receipt codes', () => {
  let reporter: TestReporter;
  beforeAll(async () => {
    reporter = await startTestReporter();
  });
  afterAll(() => reporter.close());

  const tryCode = (receipt: string, client?: string) => {
    const post = reporter.http().post('/api/session');
    if (client) post.set('X-Forwarded-For', client);
    return post.send({ receipt });
  };

  it('never refuses a right code because others guessed wrong from the same address', async () => {
    const receipt = await reporter.submit();
    // behind a proxy that names no client, every reporter shares one address: nothing is counted per address
    for (let i = 0; i < 5; i++) await tryCode(wrongCode()).expect(401);
    await tryCode(receipt).expect(200);
  });

  it('counts the tries of one code: the fourth try of the same wrong code is refused', async () => {
    const code = wrongCode();
    for (let i = 0; i < 3; i++) await tryCode(code).expect(401);
    const throttled = await tryCode(code).expect(429);
    expect(throttled.body).toMatchObject({
      code: 'too_many_attempts',
      message: expect.stringMatching(
        /^Too many codes have been tried\. Wait [1-5] minutes, then try again\.$/,
      ),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(throttled.body.details.retryAfterSeconds).toBeLessThanOrEqual(300);
  });

  it('counts per client where the trusted proxy names one, and still lets that client in with its right code', async () => {
    const receipt = await reporter.submit();
    for (let i = 0; i < 3; i++) await tryCode(wrongCode(), '203.0.113.9').expect(401);
    await tryCode(wrongCode(), '203.0.113.9').expect(429);
    // another client is not held back by this one's guesses
    await tryCode(wrongCode(), '198.51.100.4').expect(401);
    // the right code is counted only against itself
    await tryCode(receipt, '203.0.113.9').expect(200);
  });

  it('checks and counts in one step: of many guesses at once, exactly the limit get through', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => tryCode(wrongCode(), '203.0.113.77')));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
  });

  it('keeps a ceiling for everyone together, which a right code does not meet; no address is kept', async () => {
    const receipt = await reporter.submit();
    // 15 wrong codes were counted above; fill the ceiling of 30 from many clients
    for (let i = 0; i < 15; i++) await tryCode(wrongCode(), `192.0.2.${i + 1}`).expect(401);
    await tryCode(wrongCode(), '192.0.2.200').expect(429);
    await tryCode(wrongCode()).expect(429);
    await tryCode(receipt).expect(200);

    // the counts sit under keyed hashes that expire with the window, never under an address or a code
    const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:reporting:attempts:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).toMatch(/:reporting:attempts:([0-9a-f]{32}|all:\d+)$/);
        expect(key).not.toMatch(/127\.0\.0\.1|::1|ffff|192\.0\.2|203\.0\.113/);
        const ttl = await redis.ttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(301);
      }
    } finally {
      redis.disconnect();
    }
  });
});
