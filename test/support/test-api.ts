import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Stream } from 'node:stream';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';
import { systemContext } from '@precedent/audit';
import { UsersService, type Role } from '@precedent/identity';
import { Clock, Env, loadEnv } from '@precedent/platform';

export interface TestApi {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  /** Creates a user through the lib and signs them in through the API; returns a bearer header. */
  signedIn(roles: Role[], options?: { username?: string; team?: string }): Promise<SignedInUser>;
  close(): Promise<void>;
}

export interface SignedInUser {
  id: string;
  username: string;
  password: string;
  auth: { Authorization: string };
}

let counter = 0;

/** Boots the real ApiModule, configured as main.ts configures it, on this file's database. */
export async function startTestApi(options: { clock?: Clock; env?: Partial<Env> } = {}): Promise<TestApi> {
  const builder = Test.createTestingModule({ imports: [ApiModule] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  // the process reads its configuration once; a second API in the same file may need other values
  if (options.env) builder.overrideProvider(Env).useValue(Object.assign(new Env(), loadEnv(), options.env));
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureApi(app);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const users = app.get(UsersService);
  const http = () => request(app.getHttpServer());
  return {
    app,
    http,
    dataSource,
    async signedIn(roles, options = {}) {
      const username = options.username ?? `user${++counter}.${roles[0]}`;
      const password = `correct horse battery ${counter}`;
      const user = await users.create(
        { username, password, roles, team: options.team ?? null },
        systemContext('test'),
      );
      const response = await http().post('/api/auth/login').send({ username, password }).expect(200);
      return {
        id: user.id,
        username,
        password,
        auth: { Authorization: `Bearer ${(response.body as { accessToken: string }).accessToken}` },
      };
    },
    close: () => closeQuietly(app),
  };
}

export async function closeQuietly(app: INestApplication | undefined): Promise<void> {
  if (app) await app.close();
}

/** Keeps a response's body as bytes (files, images, PDFs): `.buffer(true).parse(bytesOf)`. */
export function bytesOf(res: Stream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
