import type { NestExpressApplication } from '@nestjs/platform-express';
import { configurePublicSite } from '@precedent/platform';

/**
 * Applied by main.ts and the e2e tests. The site serves its pages, its feed, /health, the GOV.UK
 * stylesheet, fonts and images, and its icon. It has no forms, and an entry that comes down must not
 * linger in a cache: every read asks again.
 */
export function configurePublication(app: NestExpressApplication): void {
  configurePublicSite(app, { app: 'publication', formAction: 'none', cacheControl: 'no-cache' });
}
