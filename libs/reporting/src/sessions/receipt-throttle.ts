import { Injectable } from '@nestjs/common';
import { createHmac, hkdfSync } from 'node:crypto';
import { Env } from '@precedent/platform';
import { ReceiptAttemptsExceededError } from '../reporting.errors';
import { ReportingRedis } from './reporting-redis';

/**
 * Limits wrong receipt codes per client without keeping its address: the counter's Redis key is an
 * HMAC (key from configuration) of the fixed time window and the connection's peer address, and it
 * expires with the window. The address itself is never written anywhere; after the window even the
 * digest is gone. Behind a proxy or an onion service every client shares the proxy's address, and
 * the limit then holds for all of them together, which is the safe direction.
 */
@Injectable()
export class ReceiptThrottle {
  private readonly key: Buffer;

  constructor(
    private readonly redis: ReportingRedis,
    private readonly env: Env,
  ) {
    this.key = Buffer.from(
      hkdfSync('sha256', env.REPORTING_LOOKUP_KEY, 'precedent', 'receipt attempt counters v1', 32),
    );
  }

  /** Refuses (before any code is checked) a client that has used up this window's attempts. */
  async check(peer: string): Promise<void> {
    const { counter, retryAfterSeconds } = this.window(peer);
    const used = Number((await (await this.redis.client()).get(counter)) ?? 0);
    if (used >= this.env.RECEIPT_ATTEMPTS) throw new ReceiptAttemptsExceededError(retryAfterSeconds);
  }

  async recordFailure(peer: string): Promise<void> {
    const { counter, retryAfterSeconds } = this.window(peer);
    await (
      await this.redis.client()
    )
      .multi()
      .incr(counter)
      .expire(counter, retryAfterSeconds + 1)
      .exec();
  }

  private window(peer: string): { counter: string; retryAfterSeconds: number } {
    const length = this.env.RECEIPT_ATTEMPT_WINDOW_MINUTES * 60_000;
    const now = Date.now();
    const index = Math.floor(now / length);
    const digest = createHmac('sha256', this.key).update(`${index}\n${peer}`).digest('hex').slice(0, 32);
    return {
      counter: this.redis.key('attempts', digest),
      retryAfterSeconds: Math.ceil(((index + 1) * length - now) / 1000),
    };
  }
}
