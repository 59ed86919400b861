import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { CasesService } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock, londonDate, NotFoundError } from '@precedent/platform';
import {
  type AttachmentMediaType,
  extensionOf,
  METADATA_REMOVED_NOTICE,
} from '../attachments/attachment-type.rules';
import { ReportAttachment } from '../attachments/report-attachment.entity';
import { EmptyFieldError, ReportAlreadyHasCaseError, ReportHasCaseError } from '../reporting.errors';
import { AnonymousReport } from '../reports/anonymous-report.entity';
import { type MessageView, type ReportContent, toTheHour } from '../reports/report-content';
import { ReportMessage } from '../reports/report-message.entity';
import { ReportSealing } from '../reports/report-sealing';
import { type ReportStatus, statusAfter } from '../reports/report-status.rules';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface InboxItem {
  id: string;
  status: ReportStatus;
  receivedAt: Date;
  summary: string;
  platform: ReportContent['platform'];
  seenAt: string | null;
  caseId: string | null;
  messageCount: number;
  lastMessageFrom: 'psd' | 'reporter' | null;
}

export interface InboxAttachment {
  id: string;
  type: AttachmentMediaType;
  size: number;
  width: number;
  height: number;
  at: Date;
  /** Always true: nothing is stored before its metadata is removed. Staff are told so. */
  metadataRemoved: true;
  notice: string;
}

export interface InboxReport extends InboxItem {
  details: string;
  links: string[];
  messages: (MessageView & { staffAuthorId: string | null })[];
  attachments: InboxAttachment[];
}

export interface AttachmentFile {
  bytes: Buffer;
  type: AttachmentMediaType;
  fileName: string;
}

export interface CaseFromReportInput {
  summary?: string;
  cameToAttentionOn?: string;
  assignedInvestigatorId?: string;
  team?: string;
  restricted?: boolean;
}

/**
 * PSD's inbox of anonymous reports: list, open, write to the reporter, make a case. Every read and
 * action is audited with ids only, never content. Any investigator or appropriate authority triages:
 * an anonymous report has no team or assignment until a case is made from it.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealing: ReportSealing,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
    private readonly clock: Clock,
  ) {}

  async list(
    filters: { status?: ReportStatus; limit: number; offset: number },
    by: Principal,
    requestId: string,
  ): Promise<{ items: InboxItem[]; total: number }> {
    const query = this.dataSource
      .getRepository(AnonymousReport)
      .createQueryBuilder('r')
      .orderBy('r.received_at', 'DESC')
      .addOrderBy('r.id', 'ASC');
    if (filters.status) query.where('r.status = :status', { status: filters.status });
    const [reports, total] = await query.take(filters.limit).skip(filters.offset).getManyAndCount();
    const threads = await this.threadFacts(reports.map((r) => r.id));
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'anonymous_report.list',
      entityType: 'anonymous_report',
      details: { ids: reports.map((r) => r.id), status: filters.status ?? null },
    });
    return { items: reports.map((r) => this.item(r, threads.get(r.id))), total };
  }

  /** The report and its messages. The first time PSD opens it, it moves to in review. */
  async open(id: string, by: Principal, requestId: string): Promise<InboxReport> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.lockReport(em, id);
      const status = statusAfter(report.status, 'staff_opened');
      if (status !== report.status) await em.update(AnonymousReport, { id }, { status });
      report.status = status;
      const messages = await em.find(ReportMessage, { where: { reportId: id }, order: { id: 'ASC' } });
      const attachments = await em.find(ReportAttachment, {
        select: { id: true, mediaType: true, size: true, width: true, height: true, receivedAt: true },
        where: { reportId: id },
        order: { receivedAt: 'ASC', id: 'ASC' },
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'anonymous_report.read',
        entityType: 'anonymous_report',
        entityId: id,
      });
      const content = this.sealing.openContent(report);
      return {
        ...this.item(report, {
          count: messages.length,
          lastFrom: messages.at(-1)?.author ?? null,
        }),
        details: content.details,
        links: content.links,
        messages: messages.map((m) => ({
          from: m.author,
          body: this.sealing.openMessage(m),
          at: m.sentAt,
          staffAuthorId: m.staffAuthorId,
        })),
        attachments: attachments.map((a) => ({
          id: a.id,
          type: a.mediaType,
          size: a.size,
          width: a.width,
          height: a.height,
          at: a.receivedAt,
          metadataRemoved: true,
          notice: METADATA_REMOVED_NOTICE,
        })),
      };
    });
  }

  /** One attachment's cleaned bytes, opened for a member of staff; the read is audited. */
  async attachment(
    id: string,
    attachmentId: string,
    by: Principal,
    requestId: string,
  ): Promise<AttachmentFile> {
    const found =
      UUID.test(id) && UUID.test(attachmentId)
        ? await this.dataSource
            .getRepository(ReportAttachment)
            .findOne({ where: { id: attachmentId, reportId: id } })
        : null;
    if (!found) throw new NotFoundError('attachment', attachmentId);
    const bytes = this.sealing.openAttachment(found);
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'anonymous_report.attachment.read',
      entityType: 'anonymous_report',
      entityId: id,
      details: { attachmentId },
    });
    return {
      bytes,
      type: found.mediaType,
      fileName: `report-attachment-${found.id}.${extensionOf(found.mediaType)}`,
    };
  }

  /** A question or answer from PSD to the reporter, who reads it after signing in with the code. */
  async send(
    id: string,
    body: string,
    by: Principal,
    requestId: string,
  ): Promise<MessageView & { staffAuthorId: string }> {
    const text = body.trim();
    if (!text) throw new EmptyFieldError('body');
    return this.dataSource.transaction(async (em) => {
      const report = await this.lockReport(em, id);
      const status = statusAfter(report.status, 'staff_wrote');
      if (status !== report.status) await em.update(AnonymousReport, { id }, { status });
      const sentAt = toTheHour(this.clock.now());
      const inserted = await em.insert(ReportMessage, {
        reportId: id,
        author: 'psd',
        staffAuthorId: by.userId,
        sealed: this.sealing.sealMessage(id, 'psd', text),
        sentAt,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'anonymous_report.message',
        entityType: 'anonymous_report',
        entityId: id,
        details: { messageId: String(inserted.identifiers[0]?.id) },
      });
      return { from: 'psd', body: text, at: sentAt, staffAuthorId: by.userId };
    });
  }

  /**
   * Makes a case (source `anonymous`) from the report and links them, in one transaction. Only the
   * summary is copied (PSD may rewrite it); the report's details stay in the report.
   */
  async createCase(
    id: string,
    input: CaseFromReportInput,
    by: Principal,
    requestId: string,
  ): Promise<{ caseId: string; reference: string }> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.lockReport(em, id);
      if (report.caseId) throw new ReportAlreadyHasCaseError(report.caseId);
      const content = this.sealing.openContent(report);
      const kase = await this.cases.recordIn(
        em,
        {
          source: 'anonymous',
          receivedAt: londonDate(report.receivedAt),
          cameToAttentionOn: input.cameToAttentionOn,
          summary: input.summary?.trim() || content.summary,
          assignedInvestigatorId: input.assignedInvestigatorId,
          team: input.team,
          restricted: input.restricted,
        },
        by,
        requestId,
      );
      await em.update(
        AnonymousReport,
        { id },
        { caseId: kase.id, status: statusAfter(report.status, 'case_created') },
      );
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'anonymous_report.case',
        entityType: 'anonymous_report',
        entityId: id,
        details: { caseId: kase.id, reference: kase.reference },
      });
      return { caseId: kase.id, reference: kase.reference };
    });
  }

  /**
   * Links the report to a case that already exists and that this person may open ("not yours" is
   * "not found"). The case keeps its own intake source; its timeline records the link, with ids only.
   */
  async linkToCase(
    id: string,
    caseId: string,
    by: Principal,
    requestId: string,
  ): Promise<{ caseId: string; reference: string }> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.lockReport(em, id);
      if (report.caseId) throw new ReportAlreadyHasCaseError(report.caseId);
      const kase = await this.cases.openableIn(em, caseId, by);
      await em.update(
        AnonymousReport,
        { id },
        { caseId: kase.id, status: statusAfter(report.status, 'case_linked') },
      );
      await this.cases.addEvent(em, kase.id, {
        kind: 'anonymous_report_linked',
        reason: `Anonymous report ${id} linked to this case`,
        actorId: by.userId,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'anonymous_report.link',
        entityType: 'anonymous_report',
        entityId: id,
        details: { caseId: kase.id, reference: kase.reference },
      });
      return { caseId: kase.id, reference: kase.reference };
    });
  }

  /** PSD has finished with a report and makes no case of it. Closing a closed report changes nothing. */
  async close(id: string, by: Principal, requestId: string): Promise<{ status: ReportStatus }> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.lockReport(em, id);
      if (report.caseId) throw new ReportHasCaseError(report.caseId);
      if (report.status === 'closed') return { status: report.status };
      const status = statusAfter(report.status, 'closed');
      await em.update(AnonymousReport, { id }, { status });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'anonymous_report.close',
        entityType: 'anonymous_report',
        entityId: id,
      });
      return { status };
    });
  }

  private async lockReport(em: EntityManager, id: string): Promise<AnonymousReport> {
    const report = UUID.test(id)
      ? await em.findOne(AnonymousReport, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!report) throw new NotFoundError('anonymous report', id);
    return report;
  }

  private async threadFacts(
    ids: string[],
  ): Promise<Map<string, { count: number; lastFrom: 'psd' | 'reporter' | null }>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT report_id AS "reportId", count(*)::int AS count,
              (array_agg(author ORDER BY id DESC))[1] AS "lastFrom"
         FROM anonymous_report_messages WHERE report_id = ANY($1::uuid[]) GROUP BY report_id`,
      [ids],
    )) as { reportId: string; count: number; lastFrom: 'psd' | 'reporter' }[];
    return new Map(rows.map((r) => [r.reportId, { count: r.count, lastFrom: r.lastFrom }]));
  }

  private item(
    report: AnonymousReport,
    thread: { count: number; lastFrom: 'psd' | 'reporter' | null } | undefined,
  ): InboxItem {
    const content = this.sealing.openContent(report);
    return {
      id: report.id,
      status: report.status,
      receivedAt: report.receivedAt,
      summary: content.summary,
      platform: content.platform,
      seenAt: content.seenAt,
      caseId: report.caseId,
      messageCount: thread?.count ?? 0,
      lastMessageFrom: thread?.lastFrom ?? null,
    };
  }
}
