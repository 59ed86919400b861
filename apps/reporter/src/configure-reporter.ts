import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/** Applied by main.ts and the e2e tests. No proxy headers are trusted, so no address is ever derived. */
export function configureReporter(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet({ referrerPolicy: { policy: 'no-referrer' } }));
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });
}
