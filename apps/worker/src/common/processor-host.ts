import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { reportRedisError } from '@precedent/platform';

/**
 * A WorkerHost whose worker's connection errors go to the logger (one warning a minute for the whole
 * process, the rest at debug) instead of BullMQ printing each reconnect attempt: while Redis is down
 * the worker waits, it does not fail.
 */
export abstract class ProcessorHost extends WorkerHost {
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    reportRedisError(`worker ${this.constructor.name}`, error);
  }
}
