import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { CasesService, deemedServiceOn } from '@precedent/cases';
import {
  Clock,
  londonDate,
  MailTransport,
  NotFoundError,
  Outbox,
  WorkingDayCalendar,
} from '@precedent/platform';
import { auditContextOf, type Principal } from '@precedent/identity';
import { HEARINGS_QUEUE, HearingsJob } from '../hearings.jobs';
import { Hearing } from '../hearings/hearing.entity';
import { hearingICalendar } from '../hearings/icalendar.rules';
import { NoticeDelivery, type DeliveryStatus } from './notice-delivery.entity';
import { noticeMails, type OutcomeMailFacts } from './notice-mail.rules';
import { appealBody, appealDeadline } from '../appeals/appeal-period.rules';
import { HearingPeriods } from '../config/hearing-periods';
import { OutcomeRecord } from '../outcomes/outcome-record.entity';
import { HearingNotice } from './hearing-notice.entity';
import type { NoticeKind, PlannedNotice } from './notice-plan.rules';

/** A refused email is tried this many times in all, through the outbox. */
const MAX_MAIL_ATTEMPTS = 5;
/** The pause before the first retry; it doubles each time. */
const RETRY_PAUSE_MS = 60_000;

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London day and time (HH:MM) of an instant: deemed service is decided by them. */
function londonDateTime(at: Date): { date: string; time: string } {
  return { date: londonDate(at), time: LONDON_TIME.format(at) };
}

/** Notices and reminders: planned in the change's transaction, sent by the worker on their day. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mail: MailTransport,
    private readonly calendar: WorkingDayCalendar,
    private readonly periods: HearingPeriods,
  ) {}

  async plan(em: EntityManager, hearing: Hearing, planned: PlannedNotice[]): Promise<HearingNotice[]> {
    const today = this.clock.today();
    const saved: HearingNotice[] = [];
    for (const notice of planned) {
      const row = await em.save(
        em.create(HearingNotice, {
          hearingId: hearing.id,
          caseId: hearing.caseId,
          kind: notice.kind,
          subjectId: notice.subjectId ?? null,
          dueOn: notice.dueOn,
          text: notice.text,
          status: 'scheduled',
          sentAt: null,
        }),
      );
      await this.outbox.add(em, {
        queue: HEARINGS_QUEUE,
        name: HearingsJob.SendNotice,
        data: { noticeId: row.id },
        jobId: `notice-${row.id}`,
        // due today: now; later: from the start of the due day in England and Wales (midnight UTC is on that day all year)
        ...(notice.dueOn > today ? { notBefore: new Date(`${notice.dueOn}T00:00:00Z`) } : {}),
      });
      saved.push(row);
    }
    return saved;
  }

  /** Notices that have not gone out yet are cancelled when the date they depend on moves. */
  async cancel(em: EntityManager, hearingId: string, kinds: readonly NoticeKind[]): Promise<void> {
    await em.update(
      HearingNotice,
      { hearingId, kind: In([...kinds]), status: 'scheduled' },
      { status: 'cancelled' },
    );
  }

  /** Sends one notice (the worker's job): marks it sent and puts it on the case timeline; a cancelled one is skipped. */
  async send(noticeId: string): Promise<'sent' | 'skipped'> {
    return this.dataSource.transaction(async (em) => {
      const notice = await em
        .getRepository(HearingNotice)
        .createQueryBuilder('n')
        .where('n.id = :noticeId', { noticeId })
        .setLock('pessimistic_write')
        .getOne();
      if (!notice || notice.status !== 'scheduled') return 'skipped';
      notice.status = 'sent';
      notice.sentAt = new Date();
      await em.save(notice);
      await this.cases.addEvent(em, notice.caseId, {
        kind: 'notice_sent',
        reason: notice.text,
        actorId: null,
      });
      await this.queueMails(em, notice);
      await this.audit.record(em, systemContext('hearings-worker'), {
        action: 'hearing.notice.send',
        entityType: 'hearing',
        entityId: notice.hearingId,
        details: { noticeId: notice.id, kind: notice.kind, dueOn: notice.dueOn },
      });
      return 'sent';
    });
  }

  /** The notice's emails to the officer and the panel, queued in the notice's transaction. */
  private async queueMails(em: EntityManager, notice: HearingNotice): Promise<void> {
    const hearing = await em.getRepository(Hearing).findOneBy({ id: notice.hearingId });
    const [kase] = (await em.query(`SELECT id, reference FROM cases WHERE id = $1`, [notice.caseId])) as {
      id: string;
      reference: string;
    }[];
    if (!hearing || !kase) return;
    const mails = noticeMails({
      kind: notice.kind,
      caseReference: kase.reference,
      forum: hearing.forum,
      date: hearing.scheduledOn,
      startsAt: hearing.startsAt,
      venue: hearing.venue,
      remoteLink: hearing.remoteLink,
      responseDueBy: hearing.officerResponseDue,
      outcome: notice.kind === 'outcome_to_officer' ? await this.outcomeFacts(em, notice) : null,
    });
    if (mails.length === 0) return;
    const calendar =
      hearing.scheduledOn && (hearing.status === 'fixed' || hearing.status === 'date_proposed')
        ? hearingICalendar(
            {
              id: hearing.id,
              forum: hearing.forum,
              status: hearing.status,
              caseReference: kase.reference,
              date: hearing.scheduledOn,
              startsAt: hearing.startsAt,
              durationMinutes: hearing.durationMinutes,
              venue: hearing.venue,
              remoteLink: hearing.remoteLink,
              sequence: hearing.version,
            },
            this.clock.now(),
          )
        : null;
    // a notice about one subject goes to that officer alone
    const officers: { name: string; email: string }[] = await em.query(
      `SELECT name, email FROM case_subjects WHERE case_id = $1 AND email IS NOT NULL
        AND ($2::uuid IS NULL OR id = $2) ORDER BY created_at`,
      [kase.id, notice.subjectId],
    );
    const panel: { name: string; email: string }[] = await em.query(
      `SELECT m.name, m.email FROM hearing_seats s JOIN panel_members m ON m.id = s.panel_member_id
        WHERE s.hearing_id = $1 AND m.email IS NOT NULL ORDER BY m.name`,
      [hearing.id],
    );
    for (const mail of mails) {
      const people = mail.recipient === 'officer' ? officers : panel;
      for (const person of people) {
        const row = await em.save(
          em.create(NoticeDelivery, {
            caseId: kase.id,
            hearingId: hearing.id,
            noticeId: notice.id,
            recipient: mail.recipient,
            recipientName: person.name,
            toAddress: person.email,
            subject: mail.subject,
            body: mail.body,
            calendar: mail.withCalendar ? calendar : null,
            status: 'queued',
            attempts: 0,
          }),
        );
        await this.outbox.add(em, {
          queue: HEARINGS_QUEUE,
          name: HearingsJob.DeliverMail,
          data: { deliveryId: row.id },
          jobId: `mail-${row.id}-0`,
        });
      }
    }
  }

  /** What the officer's outcome email says: the finding, the outcome as it stands, and the appeal's last day. */
  private async outcomeFacts(em: EntityManager, notice: HearingNotice): Promise<OutcomeMailFacts | null> {
    if (!notice.subjectId) return null;
    const record = await em
      .getRepository(OutcomeRecord)
      .findOneBy({ caseId: notice.caseId, subjectId: notice.subjectId });
    if (!record) return null;
    return {
      finding: record.finding,
      outcome: record.currentOutcome,
      appealBy: appealDeadline(record.forum, record.notifiedOn, this.calendar, this.periods.appeal),
      appealTo: appealBody(record.forum),
    };
  }

  /**
   * Sends one email (the worker's job) while holding the delivery's row lock, then records the
   * result in the same transaction. Two jobs for one email (an automatic retry and a "Try again")
   * therefore send it once: the second waits for the lock, then finds it sent. The lock is held for
   * the SMTP exchange only (the mail transport's timeouts bound it). Sent: the deemed-service day by
   * the rules in force, on the case timeline. Refused: failed with the server's answer, and tried
   * again through the outbox after a growing pause.
   */
  async deliver(deliveryId: string): Promise<DeliveryStatus | 'skipped'> {
    return this.dataSource.transaction(async (em) => {
      const row = await em
        .getRepository(NoticeDelivery)
        .createQueryBuilder('d')
        .where('d.id = :deliveryId', { deliveryId })
        .setLock('pessimistic_write')
        .getOne();
      if (!row || row.status === 'sent') return 'skipped';
      const result = await this.mail.send({
        to: row.toAddress,
        subject: row.subject,
        text: row.body,
        ...(row.calendar ? { calendar: { filename: 'hearing.ics', content: row.calendar } } : {}),
      });
      row.attempts += 1;
      row.serverAnswer = result.answer;
      if (result.delivered) {
        row.status = 'sent';
        row.sentAt = result.at;
        const london = londonDateTime(this.clock.now());
        row.deemedServedOn = deemedServiceOn(london.date, london.time, this.calendar);
        await em.save(row);
        await this.cases.addEvent(em, row.caseId, {
          kind: 'notice_sent',
          actorId: null,
          reason: `Emailed to ${row.recipientName}: "${row.subject}".${
            row.deemedServedOn ? ` Deemed served on ${row.deemedServedOn}.` : ''
          }`,
        });
        return 'sent';
      }
      row.status = 'failed';
      await em.save(row);
      if (row.attempts === 1) {
        await this.cases.addEvent(em, row.caseId, {
          kind: 'notice_failed',
          actorId: null,
          reason: `The email to ${row.recipientName} ("${row.subject}") could not be delivered; it will be tried again.`,
        });
      }
      if (row.attempts < MAX_MAIL_ATTEMPTS) {
        await this.outbox.add(em, {
          queue: HEARINGS_QUEUE,
          name: HearingsJob.DeliverMail,
          data: { deliveryId: row.id },
          jobId: `mail-${row.id}-${row.attempts}`,
          notBefore: new Date(this.clock.now().getTime() + RETRY_PAUSE_MS * 2 ** (row.attempts - 1)),
        });
      }
      return 'failed';
    });
  }

  /**
   * Tries a failed email again now, through the outbox (My work's "Try again"): only for those who may
   * change the email's case; an email of a case they may not open does not exist for them. Audited.
   */
  async retry(deliveryId: string, by: Principal, requestId: string): Promise<NoticeDelivery> {
    return this.dataSource.transaction(async (em) => {
      const row = await em.getRepository(NoticeDelivery).findOneBy({ id: deliveryId });
      if (!row) throw new NotFoundError('notice email', deliveryId);
      await this.cases.openableIn(em, row.caseId, by, true).catch(() => {
        throw new NotFoundError('notice email', deliveryId);
      });
      if (row.status !== 'failed') return row;
      row.status = 'queued';
      await em.save(row);
      await this.outbox.add(em, {
        queue: HEARINGS_QUEUE,
        name: HearingsJob.DeliverMail,
        data: { deliveryId: row.id },
        jobId: `mail-${row.id}-${row.attempts}-retry`,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'notice_email.retry',
        entityType: 'notice_delivery',
        entityId: row.id,
        details: { caseId: row.caseId, attempts: row.attempts },
      });
      return row;
    });
  }

  /** A case's notice emails, for those who may open it. */
  async deliveriesOf(caseId: string, by: Principal, requestId: string): Promise<NoticeDelivery[]> {
    await this.cases.open(caseId, by, requestId);
    return this.dataSource
      .getRepository(NoticeDelivery)
      .find({ where: { caseId }, order: { createdAt: 'ASC', recipient: 'ASC' } });
  }

  /** Emails that could not be delivered, on cases this person may open (My work). */
  async undeliveredFor(by: Principal, limit: number): Promise<{ items: NoticeDelivery[]; total: number }> {
    const failed = await this.dataSource
      .getRepository(NoticeDelivery)
      .find({ where: { status: 'failed' }, order: { createdAt: 'ASC' }, take: 500 });
    const openable = await this.cases.openableIds([...new Set(failed.map((d) => d.caseId))], by);
    const mine = failed.filter((d) => openable.has(d.caseId));
    return { items: mine.slice(0, limit), total: mine.length };
  }

  list(hearingId: string): Promise<HearingNotice[]> {
    return this.dataSource
      .getRepository(HearingNotice)
      .find({ where: { hearingId }, order: { dueOn: 'ASC', createdAt: 'ASC' } });
  }
}
