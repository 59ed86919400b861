import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
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
