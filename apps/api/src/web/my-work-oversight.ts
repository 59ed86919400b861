import { Injectable } from '@nestjs/common';
import { AnalyticsJobsService } from '@precedent/analytics';
import { CaseAccessService, CaseReportsService } from '@precedent/cases';
import { hasRole, RoleApprovalsService, type Principal } from '@precedent/identity';
import { QueueStatusService } from '@precedent/platform';
import { words } from '../common/code-words';
import { QUEUES } from './queue-pages.controller';

/** The recent imports My work looks through for ones that failed or refused lines. */
const IMPORTS_LOOKED_AT = 20;

export interface OversightWork {
  /** Cases given to this person by a grant in force: anyone may hold one, a senior officer most often. */
  granted: {
    total: number;
    rows: { caseId: string; reference: string; status: string; reason: string; until: string }[];
  } | null;
  /** The force's time limits, for a senior officer: the figures behind the timeliness report. */
  force: { overdue: number; dueSoon: number; open: number } | null;
  /** What needs an administrator: failed and stalled jobs, work waiting for Redis, imports with problems. */
  service: {
    redisReachable: boolean;
    failedJobs: number;
    stalledJobs: number;
    waitingInOutbox: number;
    /** Roles another administrator gave that this one may approve (never their own requests or roles). */
    rolesToApprove: number;
    imports: { id: string; when: string; text: string }[];
  } | null;
}

/**
 * The part of My work for those who look after the force and the service rather than cases of
 * their own: a senior officer's cases given to them and the force's time limits, an administrator's
 * failed jobs and imports. Each list is read from its own lib, as the rest of My work is.
 */
@Injectable()
export class MyWorkOversight {
  constructor(
    private readonly access: CaseAccessService,
    private readonly caseReports: CaseReportsService,
    private readonly queueStatus: QueueStatusService,
    private readonly jobs: AnalyticsJobsService,
    private readonly approvals: RoleApprovalsService,
  ) {}

  async for(by: Principal, requestId: string, limit: number): Promise<OversightWork> {
    const senior = hasRole(by, 'senior_officer');
    const admin = hasRole(by, 'admin');
    const [granted, timeliness, queues, imports, pending] = await Promise.all([
      this.access.grantedTo(by, limit),
      // the same figures (and the same audited report read) as the timeliness report
      senior ? this.caseReports.timeliness(by, requestId) : null,
      admin ? this.queueStatus.status(QUEUES, limit) : null,
      admin ? this.jobs.recentImports(IMPORTS_LOOKED_AT) : null,
      admin ? this.approvals.pending() : [],
    ]);
    const sum = (key: 'overdue' | 'due_soon' | 'total') =>
      (timeliness?.rows ?? []).reduce((total, row) => total + row[key], 0);
    return {
      granted:
        senior || granted.total > 0
          ? {
              total: granted.total,
              rows: granted.items.map((item) => ({ ...item, status: words(item.status) })),
            }
          : null,
      force: timeliness && { overdue: sum('overdue'), dueSoon: sum('due_soon'), open: sum('total') },
      service: queues && {
        redisReachable: queues.redis.reachable,
        failedJobs: queues.queues.reduce((total, queue) => total + (queue.counts?.failed ?? 0), 0),
        stalledJobs: queues.stalled.length,
        waitingInOutbox: queues.outbox.reduce((total, backlog) => total + backlog.pending, 0),
        rolesToApprove: pending.filter((p) => p.requestedBy !== by.userId && p.userId !== by.userId).length,
        imports: (imports ?? [])
          .filter((job) => job.status === 'failed' || job.recordsRejected > 0)
          .slice(0, limit)
          .map((job) => ({
            id: job.id,
            when: job.requestedAt.toISOString().replace('T', ' ').slice(0, 16),
            text:
              job.status === 'failed'
                ? 'The import failed: open it to see why.'
                : `${job.recordsRejected} line${job.recordsRejected === 1 ? ' was' : 's were'} refused: open it to see which and why.`,
          })),
      },
    };
  }
}
