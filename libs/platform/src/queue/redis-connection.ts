import type { RedisOptions as BullRedisOptions } from 'bullmq';
import IORedis, { RedisOptions } from 'ioredis';
import { reportRedisErrors } from './redis-trouble';

interface ConnectionChoice {
  /** Producers that must fail fast while Redis is down (the outbox relay, health). */
  failFast?: boolean;
  name?: string;
}

/** A connection of our own (producers, health). Workers let BullMQ open theirs: `workerConnection`. */
export function createRedisConnection(url: string, options: ConnectionChoice = {}): IORedis {
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash the process.
  return reportRedisErrors(new IORedis(url, redisOptions(options)), `connection ${options.name ?? 'redis'}`);
}

/**
 * Options from which BullMQ opens, and on close closes, the worker's own connections. Host and port
 * are spelled out: BullMQ adds its own defaults (127.0.0.1:6379) beside a `url`, and those win.
 */
export function workerConnection(url: string, name: string): BullRedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    ...(redisOptions({ name }) as BullRedisOptions),
  };
}

function redisOptions(options: ConnectionChoice): RedisOptions {
  return {
    // workers block on Redis and need null; fail-fast producers give up after one try
    maxRetriesPerRequest: options.failFast ? 1 : null,
    enableOfflineQueue: !options.failFast,
    connectionName: options.name,
    // keep trying to reconnect, at most every 2 s: a Redis outage delays work, it never ends the process
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}

/** Resolves when the connection is ready, or rejects after `ms`: for checks that must not hang. */
export function whenReady(connection: IORedis, ms: number): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      connection.off('ready', onReady);
      reject(new Error(`Redis not reachable (${connection.status}) within ${ms} ms`));
    }, ms);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    connection.once('ready', onReady);
  });
}
