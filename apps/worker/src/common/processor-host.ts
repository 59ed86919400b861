import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { reportRedisError } from '@precedent/platform';

type Repeat = Parameters<Queue['upsertJobScheduler']>[1];

/**
 * A WorkerHost whose worker's connection errors go to the logger (one warning a minute for the whole
 * process, the rest at debug) instead of BullMQ printing each reconnect attempt: while Redis is down
 * the worker waits, it does not fail.
 */
export abstract class ProcessorHost extends WorkerHost {
  private readonly hostLogger = new Logger(this.constructor.name);

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    reportRedisError(`worker ${this.constructor.name}`, error);
  }

  /**
   * Registers a repeating job once, whatever the number of workers: the scheduler id is fixed, and
   * upserting it again only updates its timing. Not awaited: while Redis is down the command waits for
   * it, and the worker must start anyway. `what` names the work in the warning when it cannot be.
   */
  protected scheduleRepeating(
    queue: Queue,
    schedulerId: string,
    repeat: Repeat,
    jobName: string,
    what: string,
  ): void {
    queue
      .upsertJobScheduler(schedulerId, repeat, { name: jobName, data: {} })
      .catch((error: unknown) =>
        this.hostLogger.warn(
          `${what} is not scheduled (${String(error)}); it is registered again at the next start.`,
        ),
      );
  }
}
