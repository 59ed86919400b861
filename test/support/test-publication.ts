import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { configurePublication } from '../../apps/publication/src/configure-publication';
import { PublicationModule } from '../../apps/publication/src/publication.module';
import { Clock } from '@precedent/platform';
import { closeQuietly } from './test-api';

export interface TestPublication {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  /** The site's address on a free local port, for a browser. */
  base: string;
  close(): Promise<void>;
}

/** Boots the real PublicationModule, configured as main.ts configures it, on this file's database. */
export async function startTestPublication(options: { clock?: Clock } = {}): Promise<TestPublication> {
  const builder = Test.createTestingModule({ imports: [PublicationModule] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configurePublication(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { app, http: () => request(app.getHttpServer()), base, close: () => closeQuietly(app) };
}
