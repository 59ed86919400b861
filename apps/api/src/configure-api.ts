import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { Env, projectRoot } from '@precedent/platform';
import { WebCsrf } from './web/csrf';
import { navigationFor } from './web/navigation';

/** What main.ts and the e2e tests both apply to the API app, so tests run what production runs. */
export function configureApi(app: NestExpressApplication): void {
  const env = app.get(Env);
  const root = projectRoot();
  const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist');

  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  const strict = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // Swagger UI needs inline styles and scripts; it holds no case data
  const docs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path.startsWith('/api/docs') ? docs(req, res, next) : strict(req, res, next),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '2mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '1mb' });

  // the staff web UI: GOV.UK Frontend, server-rendered with Nunjucks
  const views = nunjucks.configure([join(root, 'apps', 'api', 'views'), govuk], {
    autoescape: true,
    express: app.getHttpAdapter().getInstance(),
    noCache: env.VIEWS_RELOAD === 'true',
  });
  // the header offers only the pages the signed-in person's roles open
  views.addGlobal('navigationFor', navigationFor);
  app.setViewEngine('njk');
  app.set('views', [join(root, 'apps', 'api', 'views'), govuk]);
  app.set('signInPath', '/sign-in');
  app.useStaticAssets(join(govuk, 'govuk', 'assets'), { prefix: '/assets', maxAge: '7d' });
  app.useStaticAssets(join(govuk, 'govuk'), { prefix: '/govuk', index: false, maxAge: '1d' });
  app.useStaticAssets(join(root, 'apps', 'api', 'public'), { prefix: '/static', maxAge: '1d' });

  // forms get a token (checked by CsrfGuard); the JSON API uses bearer tokens instead
  const csrf = app.get(WebCsrf);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/api/')) {
      csrf.ensureBrowserId(req, res);
      res.locals.csrfToken = () => csrf.token(req, res);
      // for the evidence upload engine, which reads a multipart form's token before storing its file
      res.locals.csrfValid = () => csrf.isValid(req);
    }
    next();
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Precedent API')
      .setDescription(
        'Misconduct case management and sanction consistency for Professional Standards Departments. ' +
          'Sign in with POST /api/auth/login and send the token as "Authorization: Bearer <token>".',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
