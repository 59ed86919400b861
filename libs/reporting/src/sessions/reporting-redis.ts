import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type IORedis from 'ioredis';
import { createRedisConnection, Env, whenReady } from '@precedent/platform';

const READY_MS = 3_000;

/**
 * The reporting context's Redis: reporter sessions and hashed attempt counters, both expiring on
 * their own. Keys sit under the queue prefix, so each test file's keys are its own.
 */
@Injectable()
export class ReportingRedis implements OnApplicationShutdown {
  private connection?: IORedis;

  constructor(private readonly env: Env) {}

  key(...parts: string[]): string {
    return [this.env.QUEUE_PREFIX, 'reporting', ...parts].join(':');
  }

  /** A ready connection, or an error at once while Redis is unreachable (a request must not hang). */
  async client(): Promise<IORedis> {
    this.connection ??= createRedisConnection(this.env.REDIS_URL, {
      failFast: true,
      name: 'precedent-reporting',
    });
    await whenReady(this.connection, READY_MS);
    return this.connection;
  }

  onApplicationShutdown(): void {
    this.connection?.disconnect();
  }
}
