import { Injectable } from '@nestjs/common';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Env } from '@precedent/platform';
import { ReportingRedis } from './reporting-redis';

const LIFETIME_MS = 2 * 3_600_000;

/**
 * CSRF protection without cookies, for the portal's forms: each page carries a signed token that
 * names its own expiry and a random nonce, and the nonce is spent in Redis when the form is posted.
 * Another site cannot read a token from our pages, and a replayed post finds its nonce spent.
 */
@Injectable()
export class FormTokens {
  private readonly key: Buffer;

  constructor(
    env: Env,
    private readonly redis: ReportingRedis,
  ) {
    this.key = Buffer.from(
      hkdfSync('sha256', env.SESSION_SECRET, 'precedent', 'reporter form tokens v1', 32),
    );
  }

  issue(): string {
    const body = `${Date.now() + LIFETIME_MS}.${randomBytes(16).toString('base64url')}`;
    return `${body}.${this.sign(body)}`;
  }

  /** True once for a genuine, unexpired token; false when forged, expired or already used. */
  async spend(token: unknown): Promise<boolean> {
    if (typeof token !== 'string') return false;
    const match = /^(\d{13})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return false;
    const [, expires, nonce, signature] = match;
    const expected = Buffer.from(this.sign(`${expires}.${nonce}`));
    if (!timingSafeEqual(expected, Buffer.from(signature))) return false;
    const remaining = Number(expires) - Date.now();
    if (remaining <= 0) return false;
    const fresh = await (
      await this.redis.client()
    ).set(this.redis.key('form', nonce), '1', 'PX', remaining, 'NX');
    return fresh === 'OK';
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
