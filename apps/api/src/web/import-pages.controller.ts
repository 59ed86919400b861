import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AnalyticsJobsService,
  isStalled,
  MAX_REPORTED_ERRORS,
  type AnalyticsJob,
} from '@precedent/analytics';
import { auditContextOf } from '@precedent/identity';
import { Env, NotFoundError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';
import { newImportPath, receiveFormUpload } from '../analytics/uploaded-file';
import { CsrfCheckedInMultipart, CsrfTokenInvalidError, WebCsrf } from './csrf';
import { errorsByField, principalOf, timeText, type FormError } from './form-fields';

/** Seconds between reloads of a running import's page: often enough to watch, rare enough to be cheap. */
const REFRESH_SECONDS = 2;

/**
 * Precedent imports for administrators: upload an exchange file (streamed to the imports folder,
 * never held in memory), which runs as the same background job as POST /api/precedents/import,
 * and follow it on a page that reloads itself while the job runs, with or without JavaScript.
 */
@ApiExcludeController()
@Controller('admin/imports')
@Roles('admin')
export class ImportPagesController {
  constructor(
    private readonly jobs: AnalyticsJobsService,
    private readonly csrf: WebCsrf,
    private readonly env: Env,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.renderList(req, res, 200, null, false);
  }

  @Post()
  @CsrfCheckedInMultipart()
  async upload(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    const principal = principalOf(req);
    if (!req.is('multipart/form-data')) {
      // a urlencoded post has been through the CSRF guard already; it simply has no file
      return this.renderList(
        req,
        res,
        400,
        [{ text: 'Choose a JSON Lines file to import', href: '#file' }],
        false,
      );
    }
    const path = await newImportPath(this.env);
    const received = await receiveFormUpload(req, path, (fields) => {
      req.body = fields;
      if (!this.csrf.isValid(req)) throw new CsrfTokenInvalidError();
    });
    req.body = received.fields;
    // the file part may be missing: the token is then checked on the fields alone
    this.csrf.assertValid(req);
    const strict = received.fields.strict === 'yes';
    if (received.size === 0)
      return this.renderList(
        req,
        res,
        400,
        [
          {
            text: received.fileName
              ? `${received.fileName} is empty: choose a file with one precedent per line`
              : 'Choose a JSON Lines file to import',
            href: '#file',
          },
        ],
        strict,
      );
    const job = await this.jobs.request(auditContextOf(principal, req.id), 'import', {
      path,
      strict,
      bytes: received.size,
      fileName: received.fileName.slice(0, 200),
    });
    res.redirect(303, `/admin/imports/${job.id}`);
  }

  @Get(':id')
  async progress(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ) {
    const job = await this.jobs.get(id);
    if (job.kind !== 'import') throw new NotFoundError('precedent import', id);
    const view = toImportView(job);
    res.render('pages/admin-import', {
      title: `Precedent import: ${view.fileName}`,
      active: 'admin',
      principal: req.principal,
      job: view,
      refreshSeconds: view.running ? REFRESH_SECONDS : null,
      maxProblems: MAX_REPORTED_ERRORS,
      problems: job.problems.map((problem) => ({
        line: problem.line,
        field: problem.field || '(the whole line)',
        message: problem.message,
      })),
    });
  }

  private async renderList(
    req: AuthenticatedRequest,
    res: Response,
    status: number,
    errors: FormError[] | null,
    strict: boolean,
  ) {
    const imports = await this.jobs.recentImports(20);
    res.status(status).render('pages/admin-imports', {
      title: errors ? 'Error: Precedent imports' : 'Precedent imports',
      active: 'admin',
      principal: req.principal,
      errors,
      errorFor: errorsByField(errors),
      strict,
      imports: imports.map(toImportView),
      refreshSeconds: imports.some((job) => job.status === 'queued' || job.status === 'running')
        ? REFRESH_SECONDS * 5
        : null,
    });
  }
}

function toImportView(job: AnalyticsJob) {
  const running = job.status === 'queued' || job.status === 'running';
  const stalled = isStalled(job, new Date());
  const percent =
    job.status === 'succeeded'
      ? 100
      : job.total && job.total > 0
        ? Math.min(99, Math.floor((job.done / job.total) * 100))
        : 0;
  return {
    id: job.id,
    fileName:
      typeof job.input.fileName === 'string' && job.input.fileName ? job.input.fileName : 'uploaded file',
    strict: job.input.strict === true,
    status: job.status,
    statusText: stalled ? 'stalled' : job.status === 'succeeded' ? 'finished' : words(job.status),
    statusClass: stalled
      ? 'govuk-tag--orange'
      : {
          queued: 'govuk-tag--grey',
          running: 'govuk-tag--blue',
          succeeded: 'govuk-tag--green',
          failed: 'govuk-tag--red',
        }[job.status],
    running,
    stalled,
    interruptions: job.interruptions,
    percent,
    sizeText: job.input.bytes ? `${Math.max(1, Math.round(Number(job.input.bytes) / 1024))} KB` : '',
    read: job.recordsRead,
    imported: job.recordsImported,
    updated: job.recordsUpdated,
    rejected: job.recordsRejected,
    error: job.error,
    requestedAt: timeText(job.requestedAt),
    startedAt: timeText(job.startedAt),
    finishedAt: timeText(job.finishedAt),
  };
}
