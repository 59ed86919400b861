import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { Env } from '../config/env';
import { projectRoot } from '../files/project-root';

/** How a public site (the reporter portal, the publication site) differs from the other. */
export interface PublicSite {
  /** The app's folder under apps/, holding views/ and public/. */
  app: 'reporter' | 'publication';
  /** Where its forms may post: the reporter portal has forms; the publication site has none. */
  formAction: 'self' | 'none';
  /** `no-store`: nothing a reporter sees may stay in a browser's cache or history; `no-cache`: an entry that comes down must not linger, every read asks again. */
  cacheControl: 'no-store' | 'no-cache';
}

/**
 * What the two GOV.UK sites the public sees have in common: Express trusts no proxy header;
 * nothing comes from another origin (no scripts but the GOV.UK template's one inline script, which
 * marks the page as having JavaScript and runs by nonce; styles, fonts and images from this site
 * only); no referrer leaves; GOV.UK Frontend's templates and assets, and the app's own, served from
 * static folders that never list a directory, redirect to one, or serve a dotfile.
 */
export function configurePublicSite(app: NestExpressApplication, site: PublicSite): void {
  const env = app.get(Env);
  const root = projectRoot();
  const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist');
  const views = join(root, 'apps', site.app, 'views');

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
          formAction: [`'${site.formAction}'`],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
        },
      },
    }),
  );
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', site.cacheControl);
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
  app.useStaticAssets(join(root, 'apps', site.app, 'public'), { prefix: '/static', ...statics });
}
