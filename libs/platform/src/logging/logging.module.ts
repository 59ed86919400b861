// Logging: structured JSON (pino) with a request id on every line and secrets and personal fields redacted.
import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { Env } from '../config/env';

/** Fields never written to a log: credentials, and personal data of officers, reporters and staff. */
const SENSITIVE_KEYS = [
  'password',
  'accessToken',
  'token',
  'receipt',
  'secret',
  'authorization',
  'cookie',
  'name',
  'staffNumber',
  'contact',
  'email',
  'phone',
  'text',
  'body',
  'details',
  'summary',
];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Log time cut to the hour, as pino's `timestamp` option writes it. */
function hourTimestamp(): string {
  return `,"time":"${new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString()}"`;
}

export interface LoggingOptions {
  /**
   * The reporter portal: no address, user agent, referrer or query string is ever logged, and log
   * times are to the hour.
   */
  anonymous?: boolean;
}

@Module({})
export class LoggingModule {
  static forHttp(options: LoggingOptions = {}): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [Env],
          useFactory: (env: Env) => ({
            pinoHttp: {
              level: env.LOG_LEVEL,
              // the exact second of a reporter's visit could be matched against network logs elsewhere
              ...(options.anonymous ? { timestamp: hourTimestamp } : {}),
              redact: { paths: REDACT_PATHS, censor: '[redacted]' },
              // The server names every request: the id goes into audit events, so a client must not
              // choose it (to collide with or impersonate another request). A client's own id is kept
              // in the logs only, as a separate correlation field.
              genReqId: (_req: IncomingMessage, res: ServerResponse) => {
                const id = randomUUID();
                res.setHeader('X-Request-Id', id);
                return id;
              },
              customProps: (req: IncomingMessage) => {
                const offered = req.headers['x-request-id'];
                return {
                  requestId: (req as IncomingMessage & { id: string }).id,
                  ...(!options.anonymous && typeof offered === 'string' && REQUEST_ID.test(offered)
                    ? { correlationId: offered }
                    : {}),
                };
              },
              serializers: {
                req: (req: { method: string; url: string }) =>
                  options.anonymous
                    ? { method: req.method, path: req.url.split('?')[0] }
                    : { method: req.method, url: req.url },
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
              quietReqLogger: true,
            },
          }),
        }),
      ],
    };
  }
}
