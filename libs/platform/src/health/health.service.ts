import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '../queue/outbox.service';
import { QueueRegistry } from '../queue/queue-registry';
import { whenReady } from '../queue/redis-connection';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  checks: {
    database: { status: 'up' | 'down'; error?: string };
    redis: { status: 'up' | 'down'; error?: string };
    outbox: { pending: number | null };
    queues: Record<string, Record<string, number>>;
  };
}

const CHECK_TIMEOUT_MS = 1_500;

/**
 * Database, Redis and queue depth. The database is required ("down" without it); Redis being
 * unreachable is "degraded", because requests still succeed and work waits in the outbox.
 */
@Injectable()
export class HealthService {
  private queueNames: string[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly outbox: Outbox,
  ) {}

  watchQueues(names: string[]): void {
    this.queueNames = [...new Set([...this.queueNames, ...names])];
  }

  async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(async () => {
        const redis = this.queues.redis();
        await whenReady(redis, CHECK_TIMEOUT_MS);
        return redis.ping();
      }),
    ]);
    const pending = database.status === 'up' ? await this.outbox.pendingCount().catch(() => null) : null;
    const queues: HealthReport['checks']['queues'] = {};
    if (redis.status === 'up') {
      for (const name of this.queueNames) {
        queues[name] = await timed(
          this.queues.get(name).getJobCounts('waiting', 'active', 'delayed', 'failed'),
        ).catch(() => ({}));
      }
    }
    const status = database.status === 'down' ? 'down' : redis.status === 'down' ? 'degraded' : 'ok';
    return { status, checks: { database, redis, outbox: { pending }, queues } };
  }
}

async function probe(run: () => Promise<unknown>): Promise<{ status: 'up' | 'down'; error?: string }> {
  try {
    await timed(run());
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

function timed<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}
