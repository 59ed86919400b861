import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { Env } from '../config/env';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import { createRedisConnection } from './redis-connection';
import { reportRedisErrors } from './redis-trouble';

/**
 * Producer-side queues, one per name, sharing one fail-fast connection: while Redis is down an add
 * throws at once instead of waiting, so callers (the outbox relay, health) can say so and move on.
 */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private connection?: IORedis;
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly env: Env) {}

  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.connection ??= createRedisConnection(this.env.REDIS_URL, {
        failFast: true,
        name: 'precedent-producer',
      });
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.env.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      reportRedisErrors(queue, `queue ${name}`);
      this.queues.set(name, queue);
    }
    return queue;
  }

  redis(): IORedis {
    this.connection ??= createRedisConnection(this.env.REDIS_URL, {
      failFast: true,
      name: 'precedent-producer',
    });
    return this.connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}
