import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { CasesService } from '@precedent/cases';
import { Clock, Outbox } from '@precedent/platform';
import { HEARINGS_QUEUE, HearingsJob } from '../hearings.jobs';
import type { Hearing } from '../hearings/hearing.entity';
import { HearingNotice } from './hearing-notice.entity';
import type { NoticeKind, PlannedNotice } from './notice-plan.rules';

/** Notices and reminders: planned in the change's transaction, sent by the worker on their day. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
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
      await this.audit.record(em, systemContext('hearings-worker'), {
        action: 'hearing.notice.send',
        entityType: 'hearing',
        entityId: notice.hearingId,
        details: { noticeId: notice.id, kind: notice.kind, dueOn: notice.dueOn },
      });
      return 'sent';
    });
  }

  list(hearingId: string): Promise<HearingNotice[]> {
    return this.dataSource
      .getRepository(HearingNotice)
      .find({ where: { hearingId }, order: { dueOn: 'ASC', createdAt: 'ASC' } });
  }
}
