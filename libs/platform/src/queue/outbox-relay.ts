import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { OutboxMessage } from './outbox-message.entity';
import { HELD_NOT_DUE } from './outbox.service';
import { QueueRegistry } from './queue-registry';
import { whenReady } from './redis-connection';

const BATCH = 200;
const IDLE_MS = 500;
const MAX_BACKOFF_MS = 5_000;
const KEEP_DISPATCHED_DAYS = 7;
const ADD_TIMEOUT_MS = 3_000;

/**
 * Moves committed outbox rows to BullMQ. Runs in the worker. Rows are claimed with SKIP LOCKED so
 * several workers can relay at once; a row is marked dispatched only after BullMQ accepted it, and
 * the BullMQ job id makes a repeated dispatch (crash between add and commit) a no-op.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private failures = 0;
  private lastCleanup = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Relays one batch; returns how many rows went to BullMQ. Exposed for tests and the CLI. */
  async relayOnce(): Promise<number> {
    let failure: unknown;
    const sent = await this.dataSource.transaction(async (em) => {
      const rows: OutboxMessage[] = await em
        .getRepository(OutboxMessage)
        .createQueryBuilder('m')
        .where('m.dispatched_at IS NULL')
        // a reporter's work stays here until due: a delayed BullMQ job keeps the time it was added
        .andWhere(HELD_NOT_DUE, { now: this.clock.now() })
        .orderBy('m.id')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let sent = 0;
      for (const row of rows) {
        try {
          await whenReady(this.queues.redis(), ADD_TIMEOUT_MS);
          // the due time was set on the application's clock, so the wait is counted on it too
          const delay = row.delayUntil
            ? Math.max(0, row.delayUntil.getTime() - this.clock.now().getTime())
            : 0;
          await withTimeout(
            this.queues
              .get(row.queue)
              .add(row.jobName, row.payload, { jobId: row.jobId ?? `outbox-${row.id}`, delay }),
            ADD_TIMEOUT_MS,
          );
        } catch (error) {
          await em.update(
            OutboxMessage,
            { id: row.id },
            { attempts: row.attempts + 1, lastError: describe(error) },
          );
          // later rows would fail the same way while Redis is unreachable, and order matters
          failure = error;
          break;
        }
        const now = new Date();
        await em.update(
          OutboxMessage,
          { id: row.id },
          { dispatchedAt: row.timesToTheHour ? toTheHour(now) : now },
        );
        sent++;
      }
      return sent;
    });
    if (failure !== undefined && sent === 0) throw failure;
    return sent;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.relayOnce();
        if (this.failures > 0) this.logger.log('Outbox relay reaches Redis again; pending jobs are moving.');
        this.failures = 0;
        await this.cleanup();
      } catch (error) {
        this.failures++;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(
            `Outbox relay cannot dispatch yet (${describe(error)}); work is kept and retried.`,
          );
        }
      }
      if (sent < BATCH)
        await this.sleep(this.failures ? Math.min(IDLE_MS * 2 ** this.failures, MAX_BACKOFF_MS) : IDLE_MS);
    }
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(
      `DELETE FROM outbox_messages WHERE dispatched_at < now() - make_interval(days => $1)`,
      [KEEP_DISPATCHED_DAYS],
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function toTheHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
