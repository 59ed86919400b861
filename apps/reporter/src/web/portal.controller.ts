import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { PLATFORMS } from '@precedent/exchange';
import { Clock, DomainError, Env, fieldProblems, servesRealUsers } from '@precedent/platform';
import {
  ATTACHMENTS_ACCEPTED,
  AttachmentEmptyError,
  AttachmentNotAcceptedError,
  FormTokens,
  ReceiptAttemptsExceededError,
  ReceiptNotRecognisedError,
  ReporterService,
  ReporterSessionEndedError,
  SubmissionsBusyError,
} from '@precedent/reporting';
import { SubmitReportDto } from '../reports/report.dto';
import { clientOf } from '../common/client-of';
import { REATTACH, REPORT_FIELDS, reportFormErrors } from './report-form.errors';
import { AttachmentUploadErrors, chosenFile, type UploadedAttachment } from '../common/attachment-upload';

export const REPORTER_COOKIE = 'reporter_session';

export class FormNotGenuineError extends DomainError {
  readonly code = 'form_not_genuine';
  readonly kind = 'forbidden';
  constructor() {
    super(
      'This form has expired, was already sent, or did not come from this site. Go back, reload the page and try again.',
    );
  }
}

type Form = Record<string, unknown>;

/**
 * The portal's pages, server-rendered and usable without JavaScript. No cookie is set until a receipt
 * code is entered; then one short-lived, HttpOnly, SameSite=Strict session cookie. Forms carry
 * one-time tokens (FormTokens) instead of a cookie-bound CSRF token.
 */
@ApiExcludeController()
@Controller()
export class PortalController {
  constructor(
    private readonly reporter: ReporterService,
    private readonly forms: FormTokens,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  @Get()
  reportForm(@Res() res: Response): void {
    this.renderForm(res, {}, {});
  }

  @Post('report')
  @HttpCode(200)
  @UseInterceptors(AttachmentUploadErrors, FileInterceptor('attachment'))
  async submit(
    @Body() body: Form,
    @UploadedFile() upload: UploadedAttachment | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.spendForm(body, req);
    const values = {
      summary: text(body.summary),
      details: text(body.details),
      platform: text(body.platform),
      seenAt: text(body.seenAt),
      links: text(body.links),
    };
    const input = {
      summary: values.summary,
      details: values.details,
      ...(values.platform ? { platform: values.platform } : {}),
      ...(values.seenAt.trim() ? { seenAt: values.seenAt.trim() } : {}),
      ...(values.links.trim()
        ? {
            links: values.links
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean),
          }
        : {}),
    };
    const dto = plainToInstance(SubmitReportDto, input);
    const problems = fieldProblems(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
    const file = chosenFile(upload);
    if (problems.length > 0) {
      const errors: Record<string, string> = reportFormErrors(problems, values, this.clock.today());
      if (file) errors.attachment = REATTACH;
      res.status(400);
      this.renderForm(res, values, errors);
      return;
    }
    try {
      const { receipt } = await this.reporter.submit(dto, file ? [file.buffer] : []);
      res.render('pages/receipt', { title: 'Report sent', receipt });
    } catch (error) {
      if (error instanceof SubmissionsBusyError) {
        res.status(429);
        this.renderForm(
          res,
          values,
          file ? { busy: error.message, attachment: REATTACH } : { busy: error.message },
        );
        return;
      }
      if (!isAttachmentRefusal(error)) throw error;
      res.status(422);
      this.renderForm(res, values, { attachment: error.message });
    }
  }

  @Get('sign-in')
  signInForm(@Res() res: Response): void {
    res.render('pages/sign-in', { title: 'Sign in with your receipt code', formToken: this.forms.issue() });
  }

  @Post('sign-in')
  async signIn(@Body() body: Form, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.spendForm(body, req);
    try {
      const { token } = await this.reporter.signIn(text(body.receipt), clientOf(req, this.env));
      res.cookie(REPORTER_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        // the same test as the staff API: a real deployment sends it over HTTPS only, even when
        // NODE_ENV was left at its default but the public address is https
        secure: servesRealUsers(this.env),
        path: '/',
        maxAge: this.env.REPORTER_SESSION_MINUTES * 60_000,
      });
      res.redirect(303, '/report');
    } catch (error) {
      if (!(error instanceof ReceiptNotRecognisedError || error instanceof ReceiptAttemptsExceededError))
        throw error;
      res.status(error instanceof ReceiptNotRecognisedError ? 401 : 429);
      res.render('pages/sign-in', {
        title: 'Sign in with your receipt code',
        formToken: this.forms.issue(),
        error: error.message,
      });
    }
  }

  @Get('report')
  async report(@Req() req: Request, @Res() res: Response): Promise<void> {
    const reportId = await this.signedIn(req, res);
    if (!reportId) return;
    // a confirmation chosen by code: no text from the address is ever shown
    await this.renderReport(res, reportId, {}, '', req.query.sent === 'message' ? 'Message sent' : null);
  }

  @Post('report/messages')
  @UseInterceptors(AttachmentUploadErrors, FileInterceptor('attachment'))
  async reply(
    @Body() body: Form,
    @UploadedFile() upload: UploadedAttachment | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const reportId = await this.signedIn(req, res);
    if (!reportId) return;
    await this.spendForm(body, req);
    const message = text(body.body).trim();
    const file = chosenFile(upload);
    if (!message && !file) {
      res.status(400);
      await this.renderReport(res, reportId, {
        body: 'Write your message, or attach a screenshot, before sending.',
      });
      return;
    }
    try {
      if (message) await this.reporter.reply(reportId, message, file ? [file.buffer] : []);
      else if (file) await this.reporter.attach(reportId, file.buffer);
    } catch (error) {
      if (!isAttachmentRefusal(error)) throw error;
      res.status(422);
      await this.renderReport(res, reportId, { attachment: error.message }, message);
      return;
    }
    res.redirect(303, '/report?sent=message');
  }

  @Post('sign-out')
  async signOut(@Body() body: Form, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.spendForm(body, req);
    const token = cookieOf(req);
    if (token) await this.reporter.signOut(token);
    res.clearCookie(REPORTER_COOKIE, { path: '/' });
    res.redirect(303, '/sign-in');
  }

  private renderForm(res: Response, values: Record<string, string>, errors: Record<string, string>): void {
    const order = ['busy', ...REPORT_FIELDS];
    res.render('pages/report-form', {
      title: 'Report a colleague’s posts anonymously',
      formToken: this.forms.issue(),
      values,
      errors,
      attachmentHint: this.attachmentHint(),
      errorList: order
        .filter((f) => errors[f])
        .map((f) => ({ text: errors[f], href: f === 'busy' ? '#summary' : `#${f}` })),
      platforms: [
        { value: '', text: 'Choose a platform' },
        ...PLATFORMS.map((p) => ({
          value: p,
          text: p[0].toUpperCase() + p.slice(1),
          selected: values.platform === p,
        })),
      ],
    });
  }

  private async renderReport(
    res: Response,
    reportId: string,
    errors: { body?: string; attachment?: string } = {},
    body = '',
    confirmation: string | null = null,
  ): Promise<void> {
    const view = await this.reporter.view(reportId);
    res.render('pages/report', {
      title: 'Your report',
      confirmation,
      view,
      platformText: view.report.platform
        ? view.report.platform[0].toUpperCase() + view.report.platform.slice(1)
        : 'Not given',
      formToken: this.forms.issue(),
      signOutToken: this.forms.issue(),
      errors,
      errorList: (['body', 'attachment'] as const)
        .filter((f) => errors[f])
        .map((f) => ({ text: errors[f], href: `#${f}` })),
      body,
      attachmentHint: this.attachmentHint(),
    });
  }

  private attachmentHint(): string {
    return `Optional: ${ATTACHMENTS_ACCEPTED}, up to ${this.env.REPORT_ATTACHMENT_MAX_MB} MB. Location, device and author details are removed from it before it is kept. PDF files cannot be accepted: take a screenshot instead.`;
  }

  /** The signed-in report, or a redirect to sign in (saying the sign-in has ended when there was one). */
  private async signedIn(req: Request, res: Response): Promise<string | null> {
    const token = cookieOf(req);
    if (token) {
      try {
        return await this.reporter.reportOf(token);
      } catch (error) {
        if (!(error instanceof ReporterSessionEndedError)) throw error;
        res.clearCookie(REPORTER_COOKIE, { path: '/' });
      }
    }
    res.status(401);
    res.render('pages/sign-in', {
      title: 'Sign in with your receipt code',
      formToken: this.forms.issue(),
      error: token ? new ReporterSessionEndedError().message : undefined,
    });
    return null;
  }

  /**
   * Every form post: from a page of this site (a browser's Origin, when sent, names this host: another
   * site cannot sign a reporter in to a report of its choosing), carrying a genuine, unspent token.
   */
  private async spendForm(body: Form, req: Request): Promise<void> {
    if (!fromThisSite(req) || !(await this.forms.spend(body._form))) throw new FormNotGenuineError();
  }
}

function isAttachmentRefusal(error: unknown): error is AttachmentEmptyError | AttachmentNotAcceptedError {
  return error instanceof AttachmentEmptyError || error instanceof AttachmentNotAcceptedError;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * False when a browser says the post came from another site. Sec-Fetch-Site, sent by current
 * browsers, is decisive; otherwise an Origin naming another host. The portal's no-referrer policy
 * makes browsers send `Origin: null` for its own forms, which says nothing either way.
 */
function fromThisSite(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function cookieOf(req: Request): string | undefined {
  return (req.cookies as Record<string, string | undefined> | undefined)?.[REPORTER_COOKIE];
}
