import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ANALYTICS_QUEUE } from '@precedent/analytics';
import { AUDIT_QUEUE, AuditService } from '@precedent/audit';
import { EVIDENCE_INTEGRITY_QUEUE, EVIDENCE_QUEUE } from '@precedent/evidence';
import { HEARINGS_QUEUE } from '@precedent/hearings';
import { auditContextOf } from '@precedent/identity';
import { DomainError, QUEUE_COUNT_STATES, QueueStatusService } from '@precedent/platform';
import { REPORTING_QUEUE } from '@precedent/reporting';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';
import { one, principalOf, timeText, type Form, type FormError } from './form-fields';

/** The queues the worker runs (apps/worker/src/worker.module.ts): the ones worth watching. */
export const QUEUES = [
  AUDIT_QUEUE,
  ANALYTICS_QUEUE,
  EVIDENCE_QUEUE,
  EVIDENCE_INTEGRITY_QUEUE,
  HEARINGS_QUEUE,
  REPORTING_QUEUE,
];

/**
 * Queue status for administrators: each queue's counts, the outbox backlog, the most recent failed
 * jobs with a form to retry one (audited). Redis being unreachable is said on the page, with the
 * outbox backlog still shown, because work waits there safely until Redis is back.
 */
@ApiExcludeController()
@Controller('admin/queues')
@Roles('admin')
export class QueuePagesController {
  constructor(
    private readonly queueStatus: QueueStatusService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.render(req, res, 200, null);
  }

  @Post('retry')
  async retry(@Req() req: AuthenticatedRequest, @Body() body: Form, @Res() res: Response) {
    const queue = one(body.queue);
    const id = one(body.jobId);
    try {
      const job = await this.queueStatus.retry(QUEUES, queue, id);
      await this.audit.recordNow(auditContextOf(principalOf(req), req.id), {
        action: 'queue.job.retry',
        entityType: 'queue_job',
        entityId: null,
        details: { queue, jobId: id, name: job.name, reason: job.reason.slice(0, 500) },
      });
      res.redirect(303, `/admin/queues?retried=${encodeURIComponent(`${queue}/${id}`)}`);
    } catch (error) {
      if (error instanceof DomainError)
        return this.render(req, res, error.kind === 'not_found' ? 404 : 409, [
          { text: `${error.message} Reload the page to see the queues as they are now.`, href: '#failed' },
        ]);
      // Redis unreachable (or gone mid-retry): said on the page, nothing changed
      return this.render(req, res, 503, [
        {
          text: `The job could not be retried because Redis did not answer (${(error as Error).message}). Nothing changed: try again when Redis is reachable.`,
          href: '#failed',
        },
      ]);
    }
  }

  private async render(req: AuthenticatedRequest, res: Response, status: number, errors: FormError[] | null) {
    const report = await this.queueStatus.status(QUEUES);
    res.status(status).render('pages/admin-queues', {
      title: errors ? 'Error: Queue status' : 'Queue status',
      active: 'admin',
      principal: req.principal,
      errors,
      retried: typeof req.query.retried === 'string' ? req.query.retried : null,
      redis: report.redis,
      states: QUEUE_COUNT_STATES,
      queues: report.queues.map((queue) => ({
        name: queue.name,
        label: words(queue.name),
        counts: queue.counts,
      })),
      failed: report.failed.map((job) => ({ ...job, failedAt: timeText(job.failedAt) })),
      stalled: report.stalled.map((job) => ({ ...job, startedAt: timeText(job.startedAt) })),
      outbox: report.outbox.map((row) => ({ ...row, oldestAt: timeText(row.oldestAt) })),
      outboxTotal: report.outbox.reduce((sum, row) => sum + row.pending, 0),
    });
  }
}
