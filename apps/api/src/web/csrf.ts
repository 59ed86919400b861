import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { DomainError, Env, servesRealUsers } from '@precedent/platform';
import { SESSION_COOKIE } from '../common/authenticated-request';

export const BROWSER_COOKIE = 'precedent_browser';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfTokenInvalidError extends DomainError {
  readonly code = 'csrf_invalid';
  readonly kind = 'forbidden';
  constructor() {
    super(
      'This form has expired or did not come from Precedent. Go back, reload the page and submit it again.',
    );
  }
}

/**
 * CSRF protection for the web UI's forms: double-submit tokens HMAC-bound to the session (or, before
 * sign-in, to a random browser id). The JSON API takes bearer tokens only, which a forged form
 * cannot send, so it needs none.
 */
@Injectable()
export class WebCsrf {
  private readonly csrf: DoubleCsrfUtilities;
  private readonly issued = new WeakMap<Request, string>();
  readonly secureCookies: boolean;

  constructor(env: Env) {
    this.secureCookies = servesRealUsers(env);
    this.csrf = doubleCsrf({
      getSecret: () => env.SESSION_SECRET,
      getSessionIdentifier: (req: Request) => {
        const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
        return cookies[SESSION_COOKIE] ?? cookies[BROWSER_COOKIE] ?? '';
      },
      cookieName: 'precedent_csrf',
      cookieOptions: { sameSite: 'strict', secure: this.secureCookies, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (req: Request) =>
        ((req.body as Record<string, string> | undefined)?._csrf ?? req.headers['x-csrf-token']) as
          string | undefined,
    });
  }

  /** Gives a browser without a session a random id, so the sign-in form's token is bound to something. */
  ensureBrowserId(req: Request, res: Response): void {
    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    if (cookies[SESSION_COOKIE] || cookies[BROWSER_COOKIE]) return;
    const id = randomBytes(18).toString('base64url');
    cookies[BROWSER_COOKIE] = id;
    res.cookie(BROWSER_COOKIE, id, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secureCookies,
      path: '/',
    });
  }

  /**
   * One token per response: when the browser's cookie is not valid for this session (the first page
   * after signing in), each call would mint a new token and cookie, and only the last of a page's
   * forms would then submit.
   */
  token(req: Request, res: Response): string {
    let token = this.issued.get(req);
    if (token === undefined) {
      token = this.csrf.generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false });
      this.issued.set(req, token);
    }
    return token;
  }

  isValid(req: Request): boolean {
    return this.csrf.validateRequest(req);
  }

  assertValid(req: Request): void {
    if (!this.isValid(req)) throw new CsrfTokenInvalidError();
  }
}

const CSRF_IN_MULTIPART = 'precedent:csrf-in-multipart';

/**
 * A multipart form's fields are read after the guards run, so its token is checked as the body is
 * parsed: the upload storage refuses the file part unless the `_csrf` field before it was valid, and
 * the handler checks again once every field is read (see WebCsrf.assertValid).
 */
export const CsrfCheckedInMultipart = () => SetMetadata(CSRF_IN_MULTIPART, true);

/** Every state-changing web request must carry the form's CSRF token. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly csrf: WebCsrf,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(req.method) || req.path.startsWith('/api/') || req.path === '/health') return true;
    if (this.reflector.get<boolean>(CSRF_IN_MULTIPART, context.getHandler()) && req.is('multipart/form-data'))
      return true;
    if (!this.csrf.isValid(req)) throw new CsrfTokenInvalidError();
    return true;
  }
}
