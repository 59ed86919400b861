import { Injectable } from '@nestjs/common';
import { createHmac, hkdfSync } from 'node:crypto';
import { Env } from '@precedent/platform';
import { ReceiptAttemptsExceededError } from '../reporting.errors';
import { ReportingRedis } from './reporting-redis';

/**
 * Checks every limit and, only when none is reached, counts the attempt against all of them, in one
 * step inside Redis: parallel guesses cannot all pass the check before any is counted.
 * KEYS: the counters; ARGV[1]: seconds until they expire; ARGV[1 + i]: the limit of KEYS[i].
 */
const CHECK_AND_COUNT = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i + 1]) then return 0 end
end
for i = 1, #KEYS do
  redis.call('INCR', KEYS[i])
  redis.call('EXPIRE', KEYS[i], ARGV[1])
end
return 1`;

/** Gives an attempt back (a code that turned out right), never below zero. */
const UNCOUNT = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 1`;

export interface ReceiptAttempt {
  /** The lookup digest of the code tried, or null when what was typed is not a code at all. */
  lookupDigest: string | null;
  /** The client a trusted proxy named, or null (never derived otherwise). */
  client: string | null;
  /** A report has this lookup digest: the code is almost surely right and only its own count applies. */
  known: boolean;
}

/**
 * Limits wrong receipt codes without letting anyone's guesses lock out a reporter with the right code:
 *
 * - per code tried (its lookup digest): repeated tries of one code;
 * - per client, only when a configured trusted proxy names the client;
 * - all clients together, a high ceiling that bounds the slow checks an attacker can cause.
 *
 * A code that a report has is counted only against itself, so it is checked whatever others tried.
 * Counter keys are HMACs (key from configuration) of the fixed window and the value; no address or
 * digest is written, and each counter expires with its window.
 */
@Injectable()
export class ReceiptThrottle {
  private readonly key: Buffer;

  constructor(
    private readonly redis: ReportingRedis,
    private readonly env: Env,
  ) {
    this.key = Buffer.from(
      hkdfSync('sha256', env.REPORTING_LOOKUP_KEY, 'precedent', 'receipt attempt counters v2', 32),
    );
  }

  /**
   * Counts this attempt, or refuses it (before any code is checked) when one of its limits is used up.
   * Returns a function that gives the attempt back once the code proves right.
   */
  async spend(attempt: ReceiptAttempt): Promise<() => Promise<void>> {
    const { index, retryAfterSeconds } = this.window();
    const counters: [string, number][] = [];
    if (attempt.lookupDigest)
      counters.push([this.counter(index, 'code', attempt.lookupDigest), this.env.RECEIPT_ATTEMPTS]);
    if (!attempt.known) {
      if (attempt.client)
        counters.push([this.counter(index, 'client', attempt.client), this.env.RECEIPT_ATTEMPTS]);
      counters.push([this.redis.key('attempts', 'all', String(index)), this.env.RECEIPT_GLOBAL_ATTEMPTS]);
    }
    const redis = await this.redis.client();
    const keys = counters.map(([key]) => key);
    const counted = await redis.eval(
      CHECK_AND_COUNT,
      keys.length,
      ...keys,
      String(retryAfterSeconds + 1),
      ...counters.map(([, limit]) => String(limit)),
    );
    if (counted !== 1) throw new ReceiptAttemptsExceededError(retryAfterSeconds);
    return async () => {
      await redis.eval(UNCOUNT, keys.length, ...keys);
    };
  }

  private counter(index: number, kind: string, value: string): string {
    const digest = createHmac('sha256', this.key).update(`${index}\n${kind}\n${value}`).digest('hex');
    return this.redis.key('attempts', digest.slice(0, 32));
  }

  private window(): { index: number; retryAfterSeconds: number } {
    const length = this.env.RECEIPT_ATTEMPT_WINDOW_MINUTES * 60_000;
    const now = Date.now();
    const index = Math.floor(now / length);
    return { index, retryAfterSeconds: Math.ceil(((index + 1) * length - now) / 1000) };
  }
}
