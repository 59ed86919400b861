import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Env } from '@precedent/platform';
import { ReportingRedis } from './reporting-redis';

/**
 * Reporter sign-ins: a random bearer token whose SHA-256 names a Redis key holding the report id,
 * expiring after REPORTER_SESSION_MINUTES. Nothing about a session is written to PostgreSQL.
 */
@Injectable()
export class ReporterSessions {
  constructor(
    private readonly redis: ReportingRedis,
    private readonly env: Env,
  ) {}

  async start(reportId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const seconds = this.env.REPORTER_SESSION_MINUTES * 60;
    await (await this.redis.client()).set(this.keyOf(token), reportId, 'EX', seconds);
    return { token, expiresAt: new Date(Date.now() + seconds * 1000) };
  }

  /** The report this token opens, or null when it is unknown or has expired. */
  async reportOf(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return (await this.redis.client()).get(this.keyOf(token));
  }

  async end(token: string): Promise<void> {
    await (await this.redis.client()).del(this.keyOf(token));
  }

  private keyOf(token: string): string {
    return this.redis.key('session', createHash('sha256').update(token).digest('hex'));
  }
}
