import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { Clock, Env } from '@precedent/platform';
import { AnonymousReport } from '../reports/anonymous-report.entity';
import { isPastRetention, retentionCutoff } from './retention.rules';

const BATCH = 100;

/**
 * Deletes anonymous reports not linked to a case once REPORT_RETENTION_DAYS have passed since their
 * last activity (the report, a message or an attachment). Each deletion is its own transaction and is
 * audited with the report's id and counts only: the content, sealed or not, is gone with the rows.
 */
@Injectable()
export class ReportRetention {
  private readonly logger = new Logger(ReportRetention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  async sweep(jobId: string | null): Promise<{ deleted: number }> {
    const now = this.clock.now();
    const days = this.env.REPORT_RETENTION_DAYS;
    let deleted = 0;
    for (;;) {
      const candidates = await this.candidates(retentionCutoff(now, days));
      let removed = 0;
      for (const id of candidates) if (await this.deleteIfDue(id, now, days, jobId)) removed++;
      deleted += removed;
      if (candidates.length < BATCH || removed === 0) break;
    }
    if (deleted > 0) this.logger.log(`Deleted ${deleted} anonymous reports past their ${days}-day retention`);
    return { deleted };
  }

  private async candidates(cutoff: Date): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id FROM anonymous_reports r
        WHERE r.case_id IS NULL AND r.received_at < $1
          AND NOT EXISTS (SELECT 1 FROM anonymous_report_messages m WHERE m.report_id = r.id AND m.sent_at >= $1)
          AND NOT EXISTS (SELECT 1 FROM anonymous_report_attachments a WHERE a.report_id = r.id AND a.received_at >= $1)
        ORDER BY r.received_at, r.id LIMIT ${BATCH}`,
      [cutoff],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Locks the report and checks again (a case may have been made, or the reporter written, meanwhile). */
  private async deleteIfDue(id: string, now: Date, days: number, jobId: string | null): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const report = await em.findOne(AnonymousReport, {
        select: { id: true, caseId: true, receivedAt: true },
        where: { id },
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      if (!report) return false;
      const [facts] = (await em.query(
        `SELECT (SELECT count(*)::int FROM anonymous_report_messages WHERE report_id = $1) AS messages,
                (SELECT count(*)::int FROM anonymous_report_attachments WHERE report_id = $1) AS attachments,
                GREATEST($2::timestamptz,
                         (SELECT max(sent_at) FROM anonymous_report_messages WHERE report_id = $1),
                         (SELECT max(received_at) FROM anonymous_report_attachments WHERE report_id = $1)) AS "lastActivityAt"`,
        [id, report.receivedAt],
      )) as { messages: number; attachments: number; lastActivityAt: Date }[];
      if (!isPastRetention({ caseId: report.caseId, lastActivityAt: facts.lastActivityAt }, now, days))
        return false;
      // messages and attachments go with the report (ON DELETE CASCADE)
      await em.delete(AnonymousReport, { id });
      await em.query(
        `DELETE FROM staff_notifications WHERE subject_type = 'anonymous_report' AND subject_id = $1`,
        [id],
      );
      await this.audit.record(em, systemContext('reporting-retention', jobId), {
        action: 'anonymous_report.deleted',
        entityType: 'anonymous_report',
        entityId: id,
        details: {
          reason: 'retention',
          retentionDays: days,
          messages: facts.messages,
          attachments: facts.attachments,
        },
      });
      return true;
    });
  }
}
