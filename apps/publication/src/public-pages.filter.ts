import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Every error on the public site is a GOV.UK page. An unknown address, a malformed id and an entry
 * that has come down are all "Page not found", so the site says nothing of what once existed.
 */
@Catch()
export class PublicPagesFilter implements ExceptionFilter {
  private readonly logger = new Logger('PublicPages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status === 404 || status === 400) {
      response.status(404).render('pages/not-found', { title: 'Page not found' });
      return;
    }
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const code = status >= 500 ? 500 : status;
    response.status(code).render('pages/problem', { title: 'Sorry, there is a problem with the service' });
  }
}
