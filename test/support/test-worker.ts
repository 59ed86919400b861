import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Clock } from '@precedent/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** Boots the real WorkerModule (processors and the outbox relay) on this file's database and queues. */
export async function startTestWorker(options: { clock?: Clock } = {}): Promise<INestApplication> {
  const builder = Test.createTestingModule({ imports: [WorkerModule] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${options.what ?? 'a condition'}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}

/** The job schedulers (repeating jobs) registered on a queue of this file's prefix. */
export async function jobSchedulers(
  queueName: string,
): Promise<Awaited<ReturnType<Queue['getJobSchedulers']>>> {
  const queue = new Queue(queueName, {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    prefix: process.env.QUEUE_PREFIX,
  });
  try {
    return await queue.getJobSchedulers();
  } finally {
    await queue.close();
  }
}

/**
 * The days delayed jobs wait for arrive: once the relay has dispatched every outbox row of the queue,
 * BullMQ is told to run its delayed jobs now.
 */
export async function arriveDelayedJobs(dataSource: DataSource, queue: Queue): Promise<void> {
  await eventually(
    async () => {
      const [row] = await dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM outbox_messages WHERE queue = $1 AND dispatched_at IS NULL`,
        [queue.name],
      );
      return row.count === '0';
    },
    { what: `the relay to dispatch every ${queue.name} job` },
  );
  for (const job of await queue.getDelayed()) await job.promote();
}
