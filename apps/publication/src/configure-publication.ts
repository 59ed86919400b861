import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { Env, projectRoot } from '@precedent/platform';

/**
 * Applied by main.ts and the e2e tests. The site serves its pages, its feed, /health, the GOV.UK
 * stylesheet, fonts and images, and its icon: static folders never list a directory or serve a dotfile.
 * Nothing comes from another origin; the template's one inline script runs by nonce.
 */
export function configurePublication(app: NestExpressApplication): void {
  const env = app.get(Env);
  const root = projectRoot();
  const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist');
  const views = join(root, 'apps', 'publication', 'views');

  app.disable('x-powered-by');
  app.set('trust proxy', false);
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
          formAction: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
        },
      },
    }),
  );
  // an entry that comes down must not linger in a cache: every read asks again
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });

  nunjucks.configure([views, govuk], {
    autoescape: true,
    express: app.getHttpAdapter().getInstance(),
    noCache: env.VIEWS_RELOAD === 'true',
  });
  app.setViewEngine('njk');
  app.set('views', [views, govuk]);
  const statics = { index: false, dotfiles: 'ignore', redirect: false } as const;
  app.useStaticAssets(join(govuk, 'govuk'), { prefix: '/govuk', ...statics });
  // the GOV.UK stylesheet asks for its fonts and images at /assets
  app.useStaticAssets(join(govuk, 'govuk', 'assets'), { prefix: '/assets', ...statics });
  app.useStaticAssets(join(root, 'apps', 'publication', 'public'), { prefix: '/static', ...statics });
}
