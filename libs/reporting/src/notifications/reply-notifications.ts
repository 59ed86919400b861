import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { CasesService } from '@precedent/cases';
import { AnonymousReport } from '../reports/anonymous-report.entity';
import { StaffNotification } from './staff-notification.entity';

/**
 * Tells PSD that a reporter wrote: the investigator assigned to the case made from the report, or
 * (no case, or nobody assigned) everyone who triages the inbox. Run by the worker from the outbox.
 */
@Injectable()
export class ReplyNotifications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  async notify(reportId: string, jobId: string | null): Promise<StaffNotification | null> {
    const report = await this.dataSource
      .getRepository(AnonymousReport)
      .findOne({ select: { id: true, caseId: true }, where: { id: reportId } });
    // deleted since (retention): nothing to look at
    if (!report) return null;
    const investigator = report.caseId ? await this.cases.assignedInvestigatorOf(report.caseId) : null;
    return this.dataSource.transaction(async (em) => {
      const notification = await em.getRepository(StaffNotification).save({
        audience: investigator ? 'user' : 'anonymous_inbox',
        recipientId: investigator,
        kind: 'anonymous_report.reply',
        subjectType: 'anonymous_report',
        subjectId: reportId,
        readAt: null,
      });
      await this.audit.record(em, systemContext('reporting', jobId), {
        action: 'anonymous_report.reply_notified',
        entityType: 'anonymous_report',
        entityId: reportId,
        details: { notificationId: notification.id, recipientId: investigator },
      });
      return notification;
    });
  }
}
