import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { CasesService, visibleCasesWhere } from '@precedent/cases';
import { EvidenceService } from '@precedent/evidence';
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
import { nextMessagePosition } from '../reports/message-position';
import { ReportMessage } from '../reports/report-message.entity';
import { ReportSealing } from '../reports/report-sealing';
import { caseSummaryFromReport } from './case-from-report.rules';
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
    private readonly evidence: EvidenceService,
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
    // a report linked to a case is listed only to those who may open that case (the cases lib's policy)
    const [visible, params] = visibleCasesWhere('c', by, this.clock.today());
    query.where(`(r.case_id IS NULL OR r.case_id IN (SELECT c.id FROM cases c WHERE ${visible}))`, params);
    if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
    const [reports, total] = await query.take(filters.limit).skip(filters.offset).getManyAndCount();
    const threads = await this.threadFacts(reports.map((r) => r.id));
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'anonymous_report.list',
      entityType: 'anonymous_report',
      details: { ids: reports.map((r) => r.id), status: filters.status ?? null },
    });
    return { items: reports.map((r) => this.item(r, threads.get(r.id))), total };
  }

  /**
   * The report and its messages. Reading changes nothing (a GET is safe): the report moves to in
   * review when PSD starts the review, writes to the reporter or makes a case (all POSTs).
   */
  async open(id: string, by: Principal, requestId: string): Promise<InboxReport> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.findReport(em, id, by);
      const messages = await em.find(ReportMessage, { where: { reportId: id }, order: { position: 'ASC' } });
      const attachments = await em.find(ReportAttachment, {
        select: { id: true, mediaType: true, size: true, width: true, height: true, receivedAt: true },
        where: { reportId: id },
        order: { receivedAt: 'ASC', id: 'ASC' },
      });
      // the reporter's replies are now seen: their notices to this person (or to the inbox) are read
      await em.query(
        `UPDATE staff_notifications SET read_at = now()
          WHERE subject_id = $1 AND kind = 'anonymous_report.reply' AND read_at IS NULL
            AND (audience = 'anonymous_inbox' OR recipient_id = $2)`,
        [id, by.userId],
      );
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

  /**
   * Reports whose reporter wrote since someone they notify last opened them: addressed to this person,
   * or to everyone who triages the inbox; reports on cases they may not open left out. Audited as a list.
   */
  /** How many reports have a reply this person has not read, for the page header; nothing is shown, so no audit. */
  async unreadReplyCount(by: Principal): Promise<number> {
    return this.withUnreadReplies(by).getCount();
  }

  async unreadReplies(
    by: Principal,
    limit: number,
    requestId: string,
  ): Promise<{ items: { reportId: string; summary: string; caseId: string | null }[]; total: number }> {
    const query = this.withUnreadReplies(by).orderBy('r.received_at', 'DESC').addOrderBy('r.id', 'ASC');
    const [reports, total] = await query.take(limit).getManyAndCount();
    if (reports.length > 0)
      await this.audit.recordNow(auditContextOf(by, requestId), {
        action: 'anonymous_report.list',
        entityType: 'anonymous_report',
        details: { ids: reports.map((r) => r.id), unreadReplies: true },
      });
    return {
      items: reports.map((r) => ({
        reportId: r.id,
        summary: this.sealing.openContent(r).summary,
        caseId: r.caseId,
      })),
      total,
    };
  }

  /** PSD starts looking at a report: received becomes in review (the reporter is told so). */
  async startReview(id: string, by: Principal, requestId: string): Promise<{ status: ReportStatus }> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.findReport(em, id, by, true);
      const status = statusAfter(report.status, 'staff_opened');
      if (status === report.status) return { status };
      await em.update(AnonymousReport, { id }, { status });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'anonymous_report.review',
        entityType: 'anonymous_report',
        entityId: id,
      });
      return { status };
    });
  }

  /** One attachment's cleaned bytes, opened for a member of staff; the read is audited. */
  async attachment(
    id: string,
    attachmentId: string,
    by: Principal,
    requestId: string,
  ): Promise<AttachmentFile> {
    await this.findReport(this.dataSource.manager, id, by);
    const found = UUID.test(attachmentId)
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
      const report = await this.findReport(em, id, by, true);
      const status = statusAfter(report.status, 'staff_wrote');
      if (status !== report.status) await em.update(AnonymousReport, { id }, { status });
      const sentAt = toTheHour(this.clock.now());
      await em.insert(ReportMessage, {
        reportId: id,
        position: await nextMessagePosition(em, id),
        author: 'psd',
        staffAuthorId: by.userId,
        sealed: this.sealing.sealMessage(id, 'psd', text),
        sentAt,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'anonymous_report.message',
        entityType: 'anonymous_report',
        entityId: id,
        // no message id and no time in the details: they would pin this event's exact time to one
        // message of the thread, and so bracket the reporter's replies closer than the hour
      });
      return { from: 'psd', body: text, at: sentAt, staffAuthorId: by.userId };
    });
  }

  /**
   * Makes a case (source `anonymous`) from the report and links them both ways, in one transaction:
   * the case's summary carries what the reporter said (caseSummaryFromReport), its timeline names the
   * report. Then each screenshot becomes evidence in the case through the evidence lib (hashed, stored
   * once, its chain of custody started), described as coming from the report.
   */
  async createCase(
    id: string,
    input: CaseFromReportInput,
    by: Principal,
    requestId: string,
  ): Promise<{ caseId: string; reference: string; evidenceIds: string[] }> {
    const made = await this.dataSource.transaction(async (em) => {
      const report = await this.findReport(em, id, by, true);
      if (report.caseId) throw new ReportAlreadyHasCaseError(report.caseId);
      const content = this.sealing.openContent(report);
      const kase = await this.cases.recordIn(
        em,
        {
          source: 'anonymous',
          receivedAt: londonDate(report.receivedAt),
          cameToAttentionOn: input.cameToAttentionOn,
          summary: caseSummaryFromReport(content, input.summary),
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
      await this.cases.addEvent(em, kase.id, {
        kind: 'anonymous_report_linked',
        reason: 'Case made from an anonymous report',
        actorId: by.userId,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'anonymous_report.case',
        entityType: 'anonymous_report',
        entityId: id,
        details: { caseId: kase.id, reference: kase.reference },
      });
      return { caseId: kase.id, reference: kase.reference, platform: content.platform };
    });
    const evidenceIds = await this.screenshotsToEvidence(id, made.caseId, made.platform, by, requestId);
    return { caseId: made.caseId, reference: made.reference, evidenceIds };
  }

  /**
   * The report linked to this case, if any, for someone who may open the case: so the case page can
   * say where it came from. Null when none is linked or the case is not theirs.
   */
  async reportOfCase(caseId: string, by: Principal): Promise<string | null> {
    if (!UUID.test(caseId) || !(await this.mayOpenCase(caseId, by))) return null;
    const report = await this.dataSource
      .getRepository(AnonymousReport)
      .findOne({ select: { id: true }, where: { caseId } });
    return report?.id ?? null;
  }

  /** Whether the cases lib's access policy lets this person open the case. */
  private async mayOpenCase(caseId: string, by: Principal): Promise<boolean> {
    try {
      await this.cases.openableIn(this.dataSource.manager, caseId, by);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  private async screenshotsToEvidence(
    reportId: string,
    caseId: string,
    platform: ReportContent['platform'],
    by: Principal,
    requestId: string,
  ): Promise<string[]> {
    const attachments = await this.dataSource.getRepository(ReportAttachment).find({
      where: { reportId },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    const ids: string[] = [];
    // someone who made a restricted case for another investigator cannot open it, so cannot add to
    // it: the screenshots then stay with the linked report, where the case's people read them
    if (!(await this.mayOpenCase(caseId, by))) return ids;
    for (const attachment of attachments) {
      const bytes = this.sealing.openAttachment(attachment);
      const name = `anonymous-report-screenshot-${attachment.id}.${extensionOf(attachment.mediaType)}`;
      const received = await this.evidence.receive(caseId, by, Readable.from([bytes]), name);
      const outcome = await this.evidence.record(
        caseId,
        received,
        {
          capturedBy: 'The anonymous reporter',
          ...(platform ? { platform } : {}),
          description: `Screenshot sent with anonymous report ${reportId}. ${METADATA_REMOVED_NOTICE}`,
        },
        by,
        requestId,
      );
      ids.push(outcome.item.id);
    }
    return ids;
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
      const report = await this.findReport(em, id, by, true);
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
      const report = await this.findReport(em, id, by, true);
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

  /**
   * The report (locked for the caller's transaction when `lock`), when this person may handle it. Once a report is
   * linked to a case it is part of that case: only those who may open the case (the cases lib's access
   * policy, restricted cases included) may read or answer it; to anyone else it does not exist.
   */
  private async findReport(
    em: EntityManager,
    id: string,
    by: Principal,
    lock = false,
  ): Promise<AnonymousReport> {
    const report = UUID.test(id)
      ? await em.findOne(AnonymousReport, {
          where: { id },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!report) throw new NotFoundError('anonymous report', id);
    if (report.caseId) {
      try {
        await this.cases.openableIn(em, report.caseId, by);
      } catch (error) {
        if (error instanceof NotFoundError) throw new NotFoundError('anonymous report', id);
        throw error;
      }
    }
    return report;
  }

  private async threadFacts(
    ids: string[],
  ): Promise<Map<string, { count: number; lastFrom: 'psd' | 'reporter' | null }>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT report_id AS "reportId", count(*)::int AS count,
              (array_agg(author ORDER BY position DESC))[1] AS "lastFrom"
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

  /** Reports with a reply unread by this person (or by the inbox, for those who triage it) they may see. */
  private withUnreadReplies(by: Principal) {
    const [visible, params] = visibleCasesWhere('c', by, this.clock.today());
    const triages = by.roles.includes('investigator') || by.roles.includes('appropriate_authority');
    return this.dataSource
      .getRepository(AnonymousReport)
      .createQueryBuilder('r')
      .where(
        `r.id IN (SELECT n.subject_id FROM staff_notifications n
                   WHERE n.kind = 'anonymous_report.reply' AND n.read_at IS NULL
                     AND ((n.audience = 'user' AND n.recipient_id = :me)
                          OR (n.audience = 'anonymous_inbox' AND :triages)))`,
        { me: by.userId, triages },
      )
      .andWhere(`(r.case_id IS NULL OR r.case_id IN (SELECT c.id FROM cases c WHERE ${visible}))`, params);
  }
}
