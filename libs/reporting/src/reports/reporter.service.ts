import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Outbox } from '@precedent/platform';
import { type CleanAttachment, cleanAttachment } from '../attachments/attachment-cleaning';
import type { AttachmentMediaType } from '../attachments/attachment-type.rules';
import { ReportAttachment } from '../attachments/report-attachment.entity';
import { normaliseReceipt } from '../receipts/receipt-code.rules';
import { ReceiptKeys } from '../receipts/receipt-keys';
import { type NotifyReplyData, REPORTING_QUEUE, ReportingJob } from '../reporting.jobs';
import { EmptyFieldError, ReceiptNotRecognisedError, ReporterSessionEndedError } from '../reporting.errors';
import { ReceiptThrottle } from '../sessions/receipt-throttle';
import { SubmissionGate } from '../sessions/submission-gate';
import { ReporterSessions } from '../sessions/reporter-sessions';
import { AnonymousReport } from './anonymous-report.entity';
import { type MessageView, type ReportContent, type SubmitReportInput, toTheHour } from './report-content';
import { nextMessagePosition } from './message-position';
import { ReportMessage } from './report-message.entity';
import { ReportSealing } from './report-sealing';
import { type ReportStatus, statusInPlainWords } from './report-status.rules';

export interface AttachmentView {
  id: string;
  type: AttachmentMediaType;
  size: number;
  at: Date;
}

export interface ReporterView {
  /** What the reporter sent, for them to reread after signing in. */
  report: ReportContent;
  status: ReportStatus;
  statusText: string;
  messages: MessageView[];
  attachments: AttachmentView[];
}

/**
 * The reporter's side: submit, sign in with the receipt code, read PSD's messages and reply. Takes no
 * address, user agent or other request metadata, so none can be stored; audits nothing, because the
 * audit log's exact times would date the reporter's visits.
 */
@Injectable()
export class ReporterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly receipts: ReceiptKeys,
    private readonly sealing: ReportSealing,
    private readonly sessions: ReporterSessions,
    private readonly throttle: ReceiptThrottle,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly gate: SubmissionGate,
  ) {}

  /**
   * Saves the report sealed, with its attachments (cleaned first: a file that is refused refuses the
   * whole report, so nothing is half saved); returns the receipt code, which exists nowhere else from now on.
   */
  async submit(input: SubmitReportInput, files: readonly Buffer[] = []): Promise<{ receipt: string }> {
    const summary = input.summary.trim();
    const details = input.details.trim();
    if (!summary) throw new EmptyFieldError('summary');
    if (!details) throw new EmptyFieldError('details');
    return this.gate.submission(() => this.save(input, summary, details, files));
  }

  private async save(
    input: SubmitReportInput,
    summary: string,
    details: string,
    files: readonly Buffer[],
  ): Promise<{ receipt: string }> {
    const cleaned = await this.cleanAll(files);
    const issued = await this.receipts.issue();
    const id = randomUUID();
    const receivedAt = toTheHour(this.clock.now());
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(AnonymousReport).insert({
        id,
        lookupDigest: issued.lookupDigest,
        verifier: issued.verifier,
        status: 'received',
        sealed: this.sealing.sealContent(id, {
          summary,
          details,
          platform: input.platform ?? null,
          seenAt: input.seenAt ?? null,
          links: input.links ?? [],
        }),
        receivedAt,
        caseId: null,
      });
      await this.store(em, id, cleaned, receivedAt);
    });
    return { receipt: issued.receipt };
  }

  /**
   * Exchanges a receipt code for a short-lived session. Every wrong, unknown or malformed code gets
   * the same answer after the same slow check. A code no report has counts against itself, the client
   * (only when a trusted proxy named it) and everyone together; a code a report has counts only
   * against itself, so nobody else's wrong guesses can keep its reporter out.
   * `client` is used only inside the throttle's keyed hash.
   */
  async signIn(receipt: string, client: string | null): Promise<{ token: string; expiresAt: Date }> {
    const digits = normaliseReceipt(receipt) ?? '';
    const lookupDigest = digits ? this.receipts.lookupDigest(digits) : null;
    const report = lookupDigest
      ? await this.dataSource.getRepository(AnonymousReport).findOne({ where: { lookupDigest } })
      : null;
    const giveBack = await this.throttle.spend({ lookupDigest, client, known: report !== null });
    const valid = report
      ? await this.receipts.verify(report.verifier, digits)
      : await this.receipts.verifyDecoy(digits);
    if (!report || !valid) throw new ReceiptNotRecognisedError();
    await giveBack();
    return this.sessions.start(report.id);
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.end(token);
  }

  /** The report a session token opens; an unknown or expired token, or a deleted report, ends it. */
  async reportOf(token: string): Promise<string> {
    const reportId = await this.sessions.reportOf(token);
    if (!reportId) throw new ReporterSessionEndedError();
    const exists = await this.dataSource.getRepository(AnonymousReport).exists({ where: { id: reportId } });
    if (!exists) throw new ReporterSessionEndedError();
    return reportId;
  }

  async view(reportId: string): Promise<ReporterView> {
    const report = await this.dataSource.getRepository(AnonymousReport).findOneByOrFail({ id: reportId });
    const messages = await this.dataSource
      .getRepository(ReportMessage)
      .find({ where: { reportId }, order: { position: 'ASC' } });
    const attachments = await this.dataSource.getRepository(ReportAttachment).find({
      select: { id: true, mediaType: true, size: true, receivedAt: true },
      where: { reportId },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    const views = messages.map((m) => ({
      from: m.author,
      body: this.sealing.openMessage(m),
      at: m.sentAt,
    }));
    return {
      report: this.sealing.openContent(report),
      status: report.status,
      statusText: statusInPlainWords(report.status, views.at(-1)?.from ?? null),
      messages: views,
      attachments: attachments.map((a) => ({ id: a.id, type: a.mediaType, size: a.size, at: a.receivedAt })),
    };
  }

  /** A message to PSD, with any attachments, saved together or not at all. */
  async reply(reportId: string, body: string, files: readonly Buffer[] = []): Promise<MessageView> {
    const text = body.trim();
    if (!text) throw new EmptyFieldError('body');
    const cleaned = files.length > 0 ? await this.gate.heavy(() => this.cleanAll(files)) : [];
    const sentAt = toTheHour(this.clock.now());
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(ReportMessage).insert({
        reportId,
        position: await nextMessagePosition(em, reportId),
        author: 'reporter',
        staffAuthorId: null,
        sealed: this.sealing.sealMessage(reportId, 'reporter', text),
        sentAt,
      });
      await this.store(em, reportId, cleaned, sentAt);
      await this.notifyPsd(em, reportId, sentAt);
    });
    return { from: 'reporter', body: text, at: sentAt };
  }

  /** A further screenshot for PSD, its identifying metadata removed before it is sealed and kept. */
  async attach(reportId: string, file: Buffer): Promise<AttachmentView> {
    const [cleaned] = await this.gate.heavy(() => this.cleanAll([file]));
    const at = toTheHour(this.clock.now());
    const [id] = await this.dataSource.transaction(async (em) => {
      const ids = await this.store(em, reportId, [cleaned], at);
      await this.notifyPsd(em, reportId, at);
      return ids;
    });
    return { id, type: cleaned.mediaType, size: cleaned.bytes.length, at };
  }

  /**
   * Queues a notice to PSD that the reporter wrote. It runs at the start of the next hour and is
   * recorded at this hour, so no notification, audit event or outbox row dates the visit more closely
   * than the message itself; the job id makes several replies in one hour one notification.
   */
  private async notifyPsd(em: EntityManager, reportId: string, hour: Date): Promise<void> {
    const data: NotifyReplyData = { reportId };
    await this.outbox.add(em, {
      queue: REPORTING_QUEUE,
      name: ReportingJob.NotifyReply,
      data: { ...data },
      jobId: `reply-${reportId}-${hour.getTime()}`,
      notBefore: new Date(hour.getTime() + 3_600_000),
      recordedAt: hour,
    });
  }

  private async cleanAll(files: readonly Buffer[]): Promise<CleanAttachment[]> {
    const cleaned: CleanAttachment[] = [];
    // one at a time: each decode holds a whole image in memory
    for (const file of files) cleaned.push(await cleanAttachment(file));
    return cleaned;
  }

  private async store(
    em: EntityManager,
    reportId: string,
    files: readonly CleanAttachment[],
    receivedAt: Date,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const file of files) {
      const id = randomUUID();
      await em.getRepository(ReportAttachment).insert({
        id,
        reportId,
        mediaType: file.mediaType,
        size: file.bytes.length,
        width: file.width,
        height: file.height,
        sealed: this.sealing.sealAttachment(reportId, id, file.bytes),
        receivedAt,
      });
      ids.push(id);
    }
    return ids;
  }
}
