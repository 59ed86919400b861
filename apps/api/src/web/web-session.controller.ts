import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthService, InvalidCredentialsError, SignInLockedError } from '@precedent/identity';
import { Env, Public, servesRealUsers } from '@precedent/platform';
import { type AuthenticatedRequest, SESSION_COOKIE } from '../common/authenticated-request';
import { SignInForm } from './sign-in.form';

/** Sign-in and sign-out for the web UI: a session cookie (httpOnly, SameSite=Strict), CSRF-checked forms. */
@ApiExcludeController()
@Controller()
export class WebSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly env: Env,
  ) {}

  @Public()
  @Get('sign-in')
  signInPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query('next') next?: string): void {
    if (req.principal) return res.redirect(303, safeNext(next));
    res.render('pages/sign-in', { title: 'Sign in', next: safeNext(next) });
  }

  @Public()
  @Post('sign-in')
  async signIn(
    @Body() form: SignInForm,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const page = (status: number, error: string) =>
      res
        .status(status)
        .render('pages/sign-in', { title: 'Sign in', error, username: form.username, next: form.next });
    if (!form.username || !form.password) return page(400, 'Enter your username and password');
    try {
      const signedIn = await this.auth.signIn(form.username, form.password, 'web', req.id);
      res.cookie(SESSION_COOKIE, signedIn.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: servesRealUsers(this.env),
        path: '/',
        // Max-Age, never Expires: an absolute date from this server's clock is already past for a
        // browser whose clock is behind it (skew, or a test clock), which would sign people out at
        // once. The server still ends the session on its own clock (AuthService.authenticate).
        maxAge: signedIn.lifetimeSeconds * 1000,
      });
      res.redirect(303, safeNext(form.next));
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return page(401, error.message);
      if (error instanceof SignInLockedError) return page(429, error.message);
      throw error;
    }
  }

  @Post('sign-out')
  async signOut(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    if (req.principal) await this.auth.signOut(req.principal, req.id);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/sign-in');
  }
}

/** Only paths on this site: an open redirect would let a phishing link borrow Precedent's sign-in. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[^\s\\]*$/.test(next) && !next.startsWith('/sign-') ? next : '/';
}
