import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { Env, projectRoot } from '@precedent/platform';

/**
 * Applied by main.ts and the e2e tests. Express trusts no proxy header; only the receipt limiter reads
 * X-Forwarded-For, and only from a configured trusted proxy (TRUSTED_PROXIES).
 * Nothing comes from another origin: no scripts but the template's nonce-tagged inline one, styles,
 * fonts and icons from this site only.
 */
export function configureReporter(app: NestExpressApplication): void {
  const env = app.get(Env);
  const root = projectRoot();
  const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist');
  const views = join(root, 'apps', 'reporter', 'views');

  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // the GOV.UK template's one inline script (it marks the page as having JavaScript) runs by nonce
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  app.use(
    helmet({
      referrerPolicy: { policy: 'no-referrer' },
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          scriptSrc: [(_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
        },
      },
    }),
  );
  // nothing a reporter sees may stay in a browser's cache or history
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });

  nunjucks.configure([views, govuk], {
    autoescape: true,
    express: app.getHttpAdapter().getInstance(),
    noCache: env.VIEWS_RELOAD === 'true',
  });
  app.setViewEngine('njk');
  app.set('views', [views, govuk]);
  app.useStaticAssets(join(govuk, 'govuk'), { prefix: '/govuk', index: false });
  // the GOV.UK stylesheet asks for its fonts at /assets/fonts
  app.useStaticAssets(join(govuk, 'govuk', 'assets'), { prefix: '/assets', index: false });
  app.useStaticAssets(join(root, 'apps', 'reporter', 'public'), { prefix: '/static' });
}
