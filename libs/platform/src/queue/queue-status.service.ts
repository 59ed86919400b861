import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError } from '../errors/domain-error';
import { QueueRegistry } from './queue-registry';
import { whenReady } from './redis-connection';

export const QUEUE_COUNT_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueCounts = Record<(typeof QUEUE_COUNT_STATES)[number], number>;

export interface FailedJob {
  queue: string;
  id: string;
  name: string;
  reason: string;
  failedAt: Date | null;
  attemptsMade: number;
}

/**
 * A job BullMQ still counts as active whose lock has expired: its worker died (or froze) with it.
 * Any running worker's stalled check puts it back to waiting; `stalls` says how often that happened.
 */
export interface StalledJob {
  queue: string;
  id: string;
  name: string;
  startedAt: Date | null;
  stalls: number;
}

/** Work recorded but not yet handed to BullMQ, per queue: it waits here while Redis is down. */
export interface OutboxBacklog {
  queue: string;
  pending: number;
  oldestAt: Date;
  /** The most recent reason a row of this queue could not be dispatched, if any. */
  lastError: string | null;
}

export interface QueueStatusReport {
  redis: { reachable: true } | { reachable: false; error: string };
  queues: { name: string; counts: QueueCounts | null }[];
  /** The most recent failed jobs of all the queues, newest first. */
  failed: FailedJob[];
  /** Active jobs whose worker has stopped holding them. */
  stalled: StalledJob[];
  outbox: OutboxBacklog[];
}

const CHECK_TIMEOUT_MS = 1_500;

/**
 * What the queues hold, for administrators: BullMQ's counts and failed jobs per queue, and the
 * outbox backlog (read from PostgreSQL, so it is known even while Redis is not reachable).
 */
@Injectable()
export class QueueStatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  async status(names: readonly string[], failedLimit = 10): Promise<QueueStatusReport> {
    const outbox = await this.outboxBacklog();
    try {
      await whenReady(this.queues.redis(), CHECK_TIMEOUT_MS);
    } catch (error) {
      return {
        redis: { reachable: false, error: messageOf(error) },
        queues: names.map((name) => ({ name, counts: null })),
        failed: [],
        stalled: [],
        outbox,
      };
    }
    try {
      const queues = await Promise.all(
        names.map(async (name) => ({
          name,
          counts: (await timed(this.queues.get(name).getJobCounts(...QUEUE_COUNT_STATES))) as QueueCounts,
        })),
      );
      const failed = (
        await Promise.all(
          names.map(async (name) =>
            (await timed(this.queues.get(name).getFailed(0, failedLimit - 1))).map((job) =>
              toFailed(name, job),
            ),
          ),
        )
      )
        .flat()
        .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))
        .slice(0, failedLimit);
      const stalled = (await Promise.all(names.map((name) => timed(this.stalledIn(name))))).flat();
      return { redis: { reachable: true }, queues, failed, stalled, outbox };
    } catch (error) {
      // Redis went away between the check and the counts
      return {
        redis: { reachable: false, error: messageOf(error) },
        queues: names.map((name) => ({ name, counts: null })),
        failed: [],
        stalled: [],
        outbox,
      };
    }
  }

  /** Active jobs of a queue whose lock is gone: nobody is working on them now. */
  private async stalledIn(name: string): Promise<StalledJob[]> {
    const queue = this.queues.get(name);
    const active = await queue.getActive(0, 99);
    const client = this.queues.redis();
    const stalled: StalledJob[] = [];
    for (const job of active) {
      if (!job.id || (await client.exists(`${queue.toKey(job.id)}:lock`)) === 1) continue;
      stalled.push({
        queue: name,
        id: job.id,
        name: job.name,
        startedAt: job.processedOn ? new Date(job.processedOn) : null,
        stalls: job.stalledCounter,
      });
    }
    return stalled;
  }

  /** Moves a failed job back to waiting, to run again with a fresh count of attempts. */
  async retry(names: readonly string[], queue: string, id: string): Promise<FailedJob> {
    if (!names.includes(queue)) throw new NotFoundError('queue', queue);
    await whenReady(this.queues.redis(), CHECK_TIMEOUT_MS);
    const job = await Job.fromId(this.queues.get(queue), id);
    if (!job) throw new NotFoundError(`job in the ${queue} queue`, id);
    const state = await job.getState();
    if (state !== 'failed')
      throw new ConflictError(
        'job_not_failed',
        `Job ${id} in the ${queue} queue is ${state}, not failed: only a failed job can be retried.`,
      );
    const failed = toFailed(queue, job);
    await job.retry('failed', { resetAttemptsMade: true });
    return failed;
  }

  private async outboxBacklog(): Promise<OutboxBacklog[]> {
    const rows: { queue: string; pending: number; oldest_at: Date; last_error: string | null }[] =
      await this.dataSource.query(
        `SELECT queue, count(*)::int AS pending, min(created_at) AS oldest_at,
                (array_agg(last_error ORDER BY id DESC) FILTER (WHERE last_error IS NOT NULL))[1] AS last_error
           FROM outbox_messages WHERE dispatched_at IS NULL GROUP BY queue ORDER BY queue`,
      );
    return rows.map((row) => ({
      queue: row.queue,
      pending: row.pending,
      oldestAt: row.oldest_at,
      lastError: row.last_error,
    }));
  }
}

function toFailed(queue: string, job: Job): FailedJob {
  return {
    queue,
    id: String(job.id),
    name: job.name,
    reason: job.failedReason || 'no reason recorded',
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    attemptsMade: job.attemptsMade,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function timed<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}
