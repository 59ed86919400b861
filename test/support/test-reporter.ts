import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Env, loadEnv } from '@precedent/platform';
import { configureReporter } from '../../apps/reporter/src/configure-reporter';
import { ReporterModule } from '../../apps/reporter/src/reporter.module';
import { closeQuietly } from './test-api';

export interface TestReporter {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  /** Submits a report through the API and returns its receipt code. */
  submit(body?: Record<string, unknown>): Promise<string>;
  /** Signs in with a receipt code through the API; returns a bearer header. */
  signIn(receipt: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

export const SAMPLE_REPORT = {
  summary: 'Racist memes shared in the response team WhatsApp group',
  details:
    'A sergeant posted three images mocking Muslims on 18 November; two constables reacted with laughing emojis.',
  platform: 'whatsapp',
  seenAt: '2026-11-18',
  links: ['https://chat.example/group/123'],
};

/** Boots the real ReporterModule, configured as main.ts configures it, on this file's database. */
export async function startTestReporter(options: { env?: Partial<Env> } = {}): Promise<TestReporter> {
  const builder = Test.createTestingModule({ imports: [ReporterModule] });
  if (options.env) builder.overrideProvider(Env).useValue(Object.assign(new Env(), loadEnv(), options.env));
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureReporter(app);
  await app.init();
  const http = () => request(app.getHttpServer());
  return {
    app,
    http,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    async submit(body = SAMPLE_REPORT) {
      const response = await http().post('/api/reports').send(body).expect(201);
      return (response.body as { receipt: string }).receipt;
    },
    async signIn(receipt) {
      const response = await http().post('/api/session').send({ receipt }).expect(200);
      return { Authorization: `Bearer ${(response.body as { token: string }).token}` };
    },
    close: () => closeQuietly(app),
  };
}
