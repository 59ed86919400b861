import { Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import { troubleLevel } from './redis-trouble.rules';

const logger = new Logger('Redis');
/** Shared by every connection, queue and worker of the process: one outage, one warning a minute. */
let lastWarnedAt: number | null = null;

/**
 * Sends an emitter's 'error' events (an ioredis connection, a BullMQ queue or worker) to the app's
 * logger. Without a listener ioredis would crash the process, and BullMQ would print the error to the
 * console; `source` says which one complained.
 */
export function reportRedisErrors<T extends EventEmitter>(emitter: T, source: string): T {
  emitter.on('error', (error: unknown) => reportRedisError(source, error));
  return emitter;
}

export function reportRedisError(source: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const now = Date.now();
  if (troubleLevel(lastWarnedAt, now) === 'warn') {
    lastWarnedAt = now;
    logger.warn(
      `Redis connection problem (${source}: ${message}); queued work waits and reconnecting goes on. Further errors are logged at debug for a minute.`,
    );
  } else {
    logger.debug(`Redis connection problem (${source}: ${message}).`);
  }
}
