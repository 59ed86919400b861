import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';

const QUIET_MS = 60_000;

/**
 * A WorkerHost that reports its worker's connection errors once a minute instead of letting BullMQ
 * print each reconnect attempt: while Redis is down the worker waits, it does not fail.
 */
export abstract class ProcessorHost extends WorkerHost {
  private readonly hostLogger = new Logger(this.constructor.name);
  private lastReported = 0;

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (Date.now() - this.lastReported < QUIET_MS) return;
    this.lastReported = Date.now();
    this.hostLogger.warn(`Queue connection problem (${error.message}); jobs wait until it is back.`);
  }
}
