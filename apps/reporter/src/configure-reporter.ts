import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { configurePublicSite } from '@precedent/platform';

/**
 * Applied by main.ts and the e2e tests. Express trusts no proxy header; only the receipt limiter reads
 * X-Forwarded-For, and only from a configured trusted proxy (TRUSTED_PROXIES). Nothing a reporter
 * sees may stay in a browser's cache or history.
 */
export function configureReporter(app: NestExpressApplication): void {
  configurePublicSite(app, { app: 'reporter', formAction: 'self', cacheControl: 'no-store' });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
}
