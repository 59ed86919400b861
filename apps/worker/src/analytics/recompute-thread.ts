// A worker thread's entry: one recomputation on a thread of its own, with its own database connection,
// so the worker's main thread stays free to renew job locks and answer /health.
import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { DisparityService, PrecedentStore } from '@precedent/analytics';
import { Clock, dataSourceOptions, ENTITY_GLOB, loadEnv } from '@precedent/platform';

export type RecomputeMessage =
  | { type: 'progress'; stage: 'loading' | 'learning' | 'measuring'; done: number; total: number }
  | { type: 'done'; id: string; computedAt: string; precedents: number }
  | { type: 'failed'; message: string };

async function recompute(): Promise<void> {
  const port = parentPort!;
  const dataSource = new DataSource({
    ...dataSourceOptions(loadEnv(), { applicationName: 'precedent-recompute', poolSize: 2 }),
    entities: [ENTITY_GLOB],
  });
  await dataSource.initialize();
  try {
    const clock = new Clock();
    const disparity = new DisparityService(dataSource, new PrecedentStore(dataSource, clock), clock);
    const result = await disparity.compute((stage, done, total) =>
      port.postMessage({ type: 'progress', stage, done, total } satisfies RecomputeMessage),
    );
    port.postMessage({
      type: 'done',
      id: result.id,
      computedAt: result.computedAt.toISOString(),
      precedents: result.precedents,
    } satisfies RecomputeMessage);
  } finally {
    await dataSource.destroy();
  }
}

recompute().catch((error: unknown) => {
  parentPort?.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies RecomputeMessage);
});
