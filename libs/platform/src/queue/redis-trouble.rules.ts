/**
 * While Redis is down, ioredis and BullMQ raise an error on every reconnect attempt (every 2 s, on
 * every connection, queue and worker). One line a minute says the outage goes on; the rest are debug.
 */
export const REDIS_TROUBLE_QUIET_MS = 60_000;

export type TroubleLevel = 'warn' | 'debug';

/** The level for an error at `now`, given when the last warning was written (null: never). */
export function troubleLevel(
  lastWarnedAt: number | null,
  now: number,
  quietMs = REDIS_TROUBLE_QUIET_MS,
): TroubleLevel {
  return lastWarnedAt === null || now - lastWarnedAt >= quietMs ? 'warn' : 'debug';
}
