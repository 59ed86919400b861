import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind } from '../errors/domain-error';
import type { ErrorBody } from './error-body';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  unauthorized: HttpStatus.UNAUTHORIZED,
  too_many: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * Writes every error as `{statusCode, error, code, message, details?, requestId}`. Unknown errors are
 * logged with their stack and answered 500 without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, String(request.id ?? ''));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    if (response.headersSent) return;
    if (wantsHtml(request) && request.app.get('view engine')) {
      this.renderPage(request, response, body);
      return;
    }
    response.status(body.statusCode).json(body);
  }

  /**
   * Browsers on web pages get a page, not JSON: the sign-in page when they are not signed in (an app
   * names it with `app.set('signInPath', …)`), otherwise `pages/error` with the same facts.
   */
  private renderPage(request: Request, response: Response, body: ErrorBody): void {
    const signIn = request.app.get('signInPath') as string | undefined;
    if (body.statusCode === 401 && signIn) {
      response.redirect(303, `${signIn}?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    response
      .status(body.statusCode)
      .render('pages/error', { error: body, ...response.locals }, (err, html) => {
        if (err) response.json(body);
        else response.send(html);
      });
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_OF_KIND[exception.kind];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const record =
        typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
      const message =
        typeof payload === 'string'
          ? payload
          : Array.isArray(record.message)
            ? record.message.join('; ')
            : String(record.message ?? exception.message);
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        code: typeof record.code === 'string' ? record.code : codeForStatus(statusCode),
        message:
          statusCode === 404 && message.startsWith('Cannot ') ? `No route ${message.slice(7)}.` : message,
        ...(record.details !== undefined ? { details: record.details } : {}),
        requestId,
      };
    }
    if (
      exception instanceof QueryFailedError &&
      (exception.driverError as { code?: string })?.code === '40001'
    ) {
      return {
        statusCode: 409,
        error: STATUS_CODES[409]!,
        code: 'serialization_conflict',
        message: 'Another change was saved at the same moment. Try again.',
        requestId,
      };
    }
    return {
      statusCode: 500,
      error: STATUS_CODES[500]!,
      code: 'internal_error',
      message: `Something went wrong on our side. Nothing was changed by the failed step; try again, and quote request id ${requestId} if it keeps happening.`,
      requestId,
    };
  }
}

function codeForStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '_');
}

function wantsHtml(request: Request): boolean {
  return !request.path.startsWith('/api') && (request.headers.accept ?? '').includes('text/html');
}
