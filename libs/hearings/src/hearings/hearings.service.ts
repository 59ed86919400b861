import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { CaseContentsService, CasesService, visibleCasesWhere, type Case } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError, NotFoundError, WorkingDayCalendar } from '@precedent/platform';
import {
  HearingStateError,
  NotReferredError,
  PanelCompositionError,
  PanelConflictError,
  UnlawfulDateError,
} from '../hearing.errors';
import {
  checkDateToFix,
  fixedDateNotices,
  referralNotices,
  type NoticeKind,
} from '../notices/notice-plan.rules';
import { NoticesService } from '../notices/notices.service';
import { HearingPeriods } from '../config/hearing-periods';
import type { HearingNotice } from '../notices/hearing-notice.entity';
import type { Forum } from '../outcomes/outcome';
import { panelProblems, sitsInPublic, type PanelRole } from '../panels/panel-composition.rules';
import { panelConflicts, type PanelConflict } from '../panels/panel-conflict.rules';
import { HearingSeat } from '../panels/hearing-seat.entity';
import { PanelMember } from '../panels/panel-member.entity';
import { PanelRelationship } from '../panels/panel-relationship.entity';
import { HearingDateChange } from './hearing-date-change.entity';
import { Hearing } from './hearing.entity';
import { hearingICalendar } from './icalendar.rules';
import { officerResponseDue } from '../scheduling/notice-period.rules';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FORUM_BY_STATUS: Record<string, Forum> = {
  referred_to_meeting: 'misconduct_meeting',
  referred_to_hearing: 'misconduct_hearing',
  referred_to_accelerated_hearing: 'accelerated_hearing',
};

/** The notices that depend on the date: cancelled and planned again when it moves. */
const DATE_NOTICES: readonly NoticeKind[] = [
  'hearing_date_to_officer',
  'public_notice',
  'public_notice_removal',
  'panel_reminder',
];

export interface CreateHearingInput {
  caseId: string;
  /** The day the reg 30 documents (or the reg 51 notice) reached the officer. */
  documentsSuppliedOn: string;
}

export interface HearingDateInput {
  date: string;
  startsAt?: string;
  venue?: string;
  remoteLink?: string;
}

export interface UpcomingHearing {
  hearing: Hearing;
  caseReference: string;
}

export interface HearingView {
  hearing: Hearing;
  seats: (HearingSeat & { panelMember: PanelMember })[];
  history: HearingDateChange[];
  notices: HearingNotice[];
}

/** Meetings and hearings: created on referral, panel seated, date proposed and fixed, adjourned. */
@Injectable()
export class HearingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly notices: NoticesService,
    private readonly audit: AuditService,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly periods: HearingPeriods,
  ) {}

  async create(input: CreateHearingInput, by: Principal, requestId: string): Promise<Hearing> {
    const today = this.clock.today();
    if (input.documentsSuppliedOn > today) {
      throw new InvalidInputError('future_date', 'documentsSuppliedOn cannot be in the future.', {
        fields: [{ field: 'documentsSuppliedOn', message: 'must be today or earlier' }],
      });
    }
    return this.dataSource.transaction(async (em) => {
      const kase = await this.cases.openableIn(em, input.caseId, by, true);
      const forum = FORUM_BY_STATUS[kase.status];
      if (!forum) throw new NotReferredError(kase.status);
      const open = await em
        .getRepository(Hearing)
        .exists({ where: { caseId: kase.id, status: Not('concluded') } });
      if (open) throw new HearingStateError('This case already has a meeting or hearing being arranged.');
      const hearing = await em.save(
        em.create(Hearing, {
          caseId: kase.id,
          forum,
          status: 'awaiting_date',
          documentsSuppliedOn: input.documentsSuppliedOn,
          officerResponseDue: officerResponseDue(
            input.documentsSuppliedOn,
            this.calendar,
            this.periods.notice,
          ),
          scheduledOn: null,
          startsAt: null,
          venue: null,
          remoteLink: null,
          inPublic: sitsInPublic(forum),
        }),
      );
      await this.notices.plan(
        em,
        hearing,
        referralNotices(input.documentsSuppliedOn, today, this.calendar, this.periods.notice),
      );
      await this.cases.addEvent(em, kase.id, {
        kind: 'hearing_created',
        actorId: by.userId,
        reason: `${label(forum)} arranged; the officer's response is due by ${hearing.officerResponseDue}.`,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'hearing.create',
        entityType: 'hearing',
        entityId: hearing.id,
        details: { caseId: kase.id, forum },
      });
      return hearing;
    });
  }

  /** A hearing with its panel, date history and notices, if the person may open its case. */
  async view(id: string, by: Principal, requestId: string): Promise<HearingView> {
    const hearing = await this.openable(this.dataSource.manager, id, by);
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'hearing.read',
      entityType: 'hearing',
      entityId: id,
    });
    return this.viewOf(hearing);
  }

  /** The hearing as iCalendar for a panel member's calendar; only once a date is proposed or fixed. */
  async calendarFile(
    id: string,
    by: Principal,
    requestId: string,
  ): Promise<{ filename: string; body: string }> {
    const em = this.dataSource.manager;
    const hearing = await this.openable(em, id, by);
    const kase = await this.cases.openableIn(em, hearing.caseId, by);
    if (!hearing.scheduledOn || (hearing.status !== 'fixed' && hearing.status !== 'date_proposed')) {
      throw new HearingStateError('This hearing has no date yet, so there is nothing to put in a calendar.');
    }
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'hearing.calendar.read',
      entityType: 'hearing',
      entityId: id,
    });
    return {
      filename: `hearing-${kase.reference}.ics`,
      body: hearingICalendar(
        {
          id: hearing.id,
          forum: hearing.forum,
          status: hearing.status,
          caseReference: kase.reference,
          date: hearing.scheduledOn,
          startsAt: hearing.startsAt,
          venue: hearing.venue,
          remoteLink: hearing.remoteLink,
          sequence: hearing.version,
        },
        this.clock.now(),
      ),
    };
  }

  /**
   * Meetings and hearings not yet concluded, of the cases this person may open: those with a date
   * from `from` on, soonest first, then those still waiting for one. Audited with the ids shown.
   */
  async upcoming(
    filters: { from: string; limit: number },
    by: Principal,
    requestId: string,
  ): Promise<UpcomingHearing[]> {
    const [visible, params] = visibleCasesWhere('c', by);
    const rows = await this.dataSource
      .getRepository(Hearing)
      .createQueryBuilder('h')
      .innerJoin('cases', 'c', 'c.id = h.case_id')
      .addSelect('c.reference', 'case_reference')
      .where(visible, params)
      .andWhere(`h.status <> 'concluded'`)
      .andWhere('(h.scheduled_on IS NULL OR h.scheduled_on >= :from)', { from: filters.from })
      .orderBy('h.scheduled_on', 'ASC', 'NULLS LAST')
      .addOrderBy('h.created_at', 'ASC')
      .limit(filters.limit)
      .getRawAndEntities();
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'hearing.list',
      entityType: 'hearing',
      details: { ids: rows.entities.map((h) => h.id) },
    });
    const references = new Map(
      (rows.raw as { h_id: string; case_reference: string }[]).map((r) => [r.h_id, r.case_reference]),
    );
    return rows.entities.map((hearing) => ({ hearing, caseReference: references.get(hearing.id) ?? '' }));
  }

  /**
   * "Hearings coming up" on a person's work list: dated meetings and hearings from `from` to `to`
   * that they sit on, or whose case is assigned to them, of the cases they may open. Audited with ids.
   */
  async comingUpFor(
    window: { from: string; to: string; limit: number },
    by: Principal,
    requestId: string,
  ): Promise<{ items: UpcomingHearing[]; total: number }> {
    const [visible, params] = visibleCasesWhere('c', by);
    const query = this.dataSource
      .getRepository(Hearing)
      .createQueryBuilder('h')
      .innerJoin('cases', 'c', 'c.id = h.case_id')
      .addSelect('c.reference', 'case_reference')
      .where(visible, params)
      .andWhere(`h.status <> 'concluded'`)
      .andWhere('h.scheduled_on BETWEEN :from AND :to', { from: window.from, to: window.to })
      .andWhere(
        `(c.assigned_investigator_id = :me OR EXISTS (SELECT 1 FROM hearing_seats s
          JOIN panel_members m ON m.id = s.panel_member_id WHERE s.hearing_id = h.id AND m.user_id = :me))`,
        { me: by.userId },
      );
    const [rows, total] = await Promise.all([
      query
        .clone()
        .orderBy('h.scheduled_on', 'ASC')
        .addOrderBy('h.starts_at', 'ASC', 'NULLS LAST')
        .addOrderBy('h.created_at', 'ASC')
        .limit(window.limit)
        .getRawAndEntities(),
      query.getCount(),
    ]);
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'hearing.list',
      entityType: 'hearing',
      details: { ids: rows.entities.map((h) => h.id), comingUp: true },
    });
    const references = new Map(
      (rows.raw as { h_id: string; case_reference: string }[]).map((r) => [r.h_id, r.case_reference]),
    );
    return {
      items: rows.entities.map((hearing) => ({ hearing, caseReference: references.get(hearing.id) ?? '' })),
      total,
    };
  }

  async forCase(caseId: string, by: Principal, requestId: string): Promise<HearingView[]> {
    await this.cases.open(caseId, by, requestId);
    const hearings = await this.dataSource
      .getRepository(Hearing)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
    return Promise.all(hearings.map((h) => this.viewOf(h)));
  }

  async proposeDate(id: string, input: HearingDateInput, by: Principal, requestId: string): Promise<Hearing> {
    return this.change(
      id,
      by,
      async (em, hearing, kase) => {
        if (hearing.status === 'fixed' || hearing.status === 'concluded') {
          throw new HearingStateError(
            `The date is ${hearing.status}; adjourn the hearing to propose another.`,
          );
        }
        this.checkDate(hearing, input.date);
        this.setPlace(hearing, input);
        hearing.status = 'date_proposed';
        await this.history(em, hearing, 'proposed', by, null);
        await this.checkSeatsFree(em, hearing, kase);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_date_proposed',
          actorId: by.userId,
          reason: `${label(hearing.forum)} proposed for ${input.date}.`,
        });
        return { action: 'hearing.date.propose', details: { date: input.date } };
      },
      requestId,
    );
  }

  /**
   * Fixes the date (the proposed one, or a new one): lawful by the Regulations, a complete panel with
   * no conflicts, a venue or a link. The notices are planned and the case moves to hearing scheduled.
   */
  async fixDate(
    id: string,
    input: Partial<HearingDateInput>,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.change(
      id,
      by,
      async (em, hearing, kase) => {
        if (hearing.status === 'fixed' || hearing.status === 'concluded') {
          throw new HearingStateError(`The date is already ${hearing.status}.`);
        }
        const date = input.date ?? hearing.scheduledOn;
        if (!date) throw new HearingStateError('Propose a date first, or give one.');
        this.checkDate(hearing, date);
        this.setPlace(hearing, { ...input, date });
        if (!hearing.venue && !hearing.remoteLink) {
          throw new InvalidInputError(
            'place_required',
            'Give a venue or a remote link before fixing the date.',
            {
              fields: [{ field: 'venue', message: 'a venue or a remoteLink is required' }],
            },
          );
        }
        const seats = await this.seatsOf(em, hearing.id);
        const problems = panelProblems(
          hearing.forum,
          date,
          seats.map((s) => ({ role: s.role, ...(s.panelMember.rank ? { rank: s.panelMember.rank } : {}) })),
        );
        if (problems.length) throw new PanelCompositionError(problems);
        await this.checkSeatsFree(em, hearing, kase);
        hearing.status = 'fixed';
        await this.history(em, hearing, 'fixed', by, null);
        await this.notices.cancel(em, hearing.id, DATE_NOTICES);
        await this.notices.plan(
          em,
          hearing,
          fixedDateNotices(
            hearing.forum,
            date,
            this.clock.today(),
            this.calendar,
            this.periods.notice,
            this.periods.panelReminderLead,
          ),
        );
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_date_fixed',
          actorId: by.userId,
          reason: `${label(hearing.forum)} fixed for ${date}${hearing.startsAt ? ` at ${hearing.startsAt}` : ''}.`,
        });
        if (kase.status !== 'hearing_scheduled') {
          await this.cases.transitionIn(
            em,
            kase,
            {
              to: 'hearing_scheduled',
              reason: `${label(hearing.forum)} fixed for ${date}.`,
              hearingFixed: true,
            },
            by,
            requestId,
          );
        }
        return { action: 'hearing.date.fix', details: { date } };
      },
      requestId,
    );
  }

  async adjourn(id: string, reason: string, by: Principal, requestId: string): Promise<Hearing> {
    return this.change(
      id,
      by,
      async (em, hearing) => {
        if (hearing.status !== 'fixed' && hearing.status !== 'date_proposed') {
          throw new HearingStateError('Only a hearing with a proposed or fixed date can be adjourned.');
        }
        const was = hearing.scheduledOn;
        await this.history(em, hearing, 'adjourned', by, reason);
        hearing.status = 'awaiting_date';
        hearing.scheduledOn = null;
        await this.notices.cancel(em, hearing.id, DATE_NOTICES);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_adjourned',
          actorId: by.userId,
          reason: `${label(hearing.forum)} of ${was} adjourned: ${reason}`,
        });
        return { action: 'hearing.adjourn', details: { was } };
      },
      requestId,
    );
  }

  /** Seats a member: the role must be theirs and fit the panel model; conflicts are refused with their reason. */
  async seat(
    id: string,
    input: { panelMemberId: string; role: PanelRole },
    by: Principal,
    requestId: string,
  ): Promise<HearingSeat> {
    let seat!: HearingSeat;
    await this.change(
      id,
      by,
      async (em, hearing, kase) => {
        if (hearing.status === 'concluded') throw new HearingStateError('The hearing has concluded.');
        if (!hearing.scheduledOn) {
          throw new HearingStateError(
            'Propose a date first: who sits on the panel depends on the date (the 7 May 2024 change).',
          );
        }
        const member = await em
          .getRepository(PanelMember)
          .findOne({ where: { id: input.panelMemberId, active: true } });
        if (!member) throw new NotFoundError('panel member', input.panelMemberId);
        if (!member.roles.includes(input.role)) {
          throw new PanelCompositionError([
            `This member is not in the pool as a ${input.role.replace(/_/g, ' ')} (their roles: ${member.roles.join(', ').replace(/_/g, ' ')}).`,
          ]);
        }
        const seats = await this.seatsOf(em, hearing.id);
        if (seats.some((s) => s.panelMemberId === member.id)) {
          throw new HearingStateError('This member already sits on this panel.');
        }
        const proposed = [
          ...seats.map((s) => ({ role: s.role, rank: s.panelMember.rank ?? undefined })),
          { role: input.role, rank: member.rank ?? undefined },
        ];
        // an incomplete panel is expected while it is being filled; anything else is refused now
        const problems = panelProblems(hearing.forum, hearing.scheduledOn, proposed).filter(
          (p) => !p.startsWith('The panel needs'),
        );
        if (problems.length) throw new PanelCompositionError(problems);
        const conflicts = await this.conflictsOf(em, hearing, kase, member);
        if (conflicts.length) throw new PanelConflictError(conflicts);
        seat = await em.save(
          em.create(HearingSeat, { hearingId: hearing.id, panelMemberId: member.id, role: input.role }),
        );
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'panel_member_seated',
          actorId: by.userId,
          reason: `Panel: ${member.name} seated as ${input.role.replace(/_/g, ' ')}.`,
        });
        return { action: 'hearing.seat', details: { panelMemberId: member.id, role: input.role } };
      },
      requestId,
    );
    return seat;
  }

  /** The hearing, if the person may open its case (else "not found"); under a lock when changing it. */
  async openable(em: EntityManager, id: string, by: Principal, lock = false): Promise<Hearing> {
    const query = em.getRepository(Hearing).createQueryBuilder('h').where('h.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const hearing = UUID.test(id) ? await query.getOne() : null;
    if (!hearing) throw new NotFoundError('hearing', id);
    // a hearing of a case this person may not open is, for them, a hearing that does not exist
    await this.cases.openableIn(em, hearing.caseId, by).catch(() => {
      throw new NotFoundError('hearing', id);
    });
    return hearing;
  }

  async seatsOf(
    em: EntityManager,
    hearingId: string,
  ): Promise<(HearingSeat & { panelMember: PanelMember })[]> {
    return (await em.getRepository(HearingSeat).find({
      where: { hearingId },
      relations: { panelMember: true },
      order: { createdAt: 'ASC' },
    })) as (HearingSeat & { panelMember: PanelMember })[];
  }

  private async viewOf(hearing: Hearing): Promise<HearingView> {
    const em = this.dataSource.manager;
    const [seats, history, notices] = await Promise.all([
      this.seatsOf(em, hearing.id),
      em.getRepository(HearingDateChange).find({ where: { hearingId: hearing.id }, order: { id: 'ASC' } }),
      this.notices.list(hearing.id),
    ]);
    return { hearing, seats, history, notices };
  }

  private checkDate(hearing: Hearing, date: string): void {
    const answer = checkDateToFix(
      {
        forum: hearing.forum,
        noticeServedOn: hearing.documentsSuppliedOn,
        proposed: date,
        today: this.clock.today(),
      },
      this.calendar,
      this.periods.notice,
    );
    if (!answer.lawful) throw new UnlawfulDateError(answer.rule, answer.message, answer.earliestLawfulDate);
  }

  private setPlace(hearing: Hearing, input: Partial<HearingDateInput> & { date: string }): void {
    hearing.scheduledOn = input.date;
    if (input.startsAt !== undefined) hearing.startsAt = input.startsAt;
    if (input.venue !== undefined) hearing.venue = input.venue;
    if (input.remoteLink !== undefined) hearing.remoteLink = input.remoteLink;
  }

  /** Every seated member is still free on the (new) date: no double booking, not unavailable. */
  private async checkSeatsFree(em: EntityManager, hearing: Hearing, kase: Case): Promise<void> {
    const conflicts: PanelConflict[] = [];
    for (const seat of await this.seatsOf(em, hearing.id)) {
      conflicts.push(
        ...(await this.conflictsOf(em, hearing, kase, seat.panelMember)).map((c) => ({
          ...c,
          message: `${seat.panelMember.name}: ${c.message}`,
        })),
      );
    }
    if (conflicts.length) throw new PanelConflictError(conflicts);
  }

  private async conflictsOf(
    em: EntityManager,
    hearing: Hearing,
    kase: Case,
    member: PanelMember,
  ): Promise<PanelConflict[]> {
    const [participants, relationships, contents, bookings] = await Promise.all([
      this.cases.participants(em, kase),
      em.getRepository(PanelRelationship).find({ where: { panelMemberId: member.id } }),
      this.contents.contentsIn(em, kase.id),
      hearing.scheduledOn
        ? em
            .getRepository(HearingSeat)
            .createQueryBuilder('s')
            .innerJoin(Hearing, 'h', 'h.id = s.hearing_id')
            .select(['h.id AS hearing_id', 'h.scheduled_on::text AS date'])
            .where('s.panel_member_id = :member', { member: member.id })
            .andWhere('h.id <> :hearing', { hearing: hearing.id })
            .andWhere('h.scheduled_on = :date', { date: hearing.scheduledOn })
            .andWhere('h.status IN (:...statuses)', { statuses: ['date_proposed', 'fixed'] })
            .getRawMany<{ hearing_id: string; date: string }>()
        : Promise.resolve([]),
    ]);
    const managed = new Set(
      relationships.filter((r) => r.kind === 'line_manages').map((r) => `${r.force}\u0000${r.staffNumber}`),
    );
    return panelConflicts({
      memberUserId: member.userId,
      caseParticipants: participants,
      recordedParts: relationships
        .filter((r) => r.kind === 'took_part' && r.caseId === kase.id)
        .map((r) => r.description ?? 'took part'),
      managedSubjects: contents.subjects.flatMap((s, i) =>
        managed.has(`${s.force}\u0000${s.staffNumber}`) ? [`subject ${i + 1}`] : [],
      ),
      unavailableOn: member.unavailableOn,
      otherBookings: bookings.map((b) => ({ hearingId: b.hearing_id, date: b.date })),
      hearingDate: hearing.scheduledOn,
    });
  }

  private async history(
    em: EntityManager,
    hearing: Hearing,
    kind: 'proposed' | 'fixed' | 'adjourned',
    by: Principal,
    reason: string | null,
  ): Promise<void> {
    await em.insert(HearingDateChange, {
      hearingId: hearing.id,
      kind,
      date: hearing.scheduledOn,
      startsAt: hearing.startsAt,
      venue: hearing.venue,
      remoteLink: hearing.remoteLink,
      reason,
      actorId: by.userId,
    });
  }

  /** Load both under locks (case first, as every case change does), apply, save, audit: one transaction. */
  private async change(
    id: string,
    by: Principal,
    apply: (
      em: EntityManager,
      hearing: Hearing,
      kase: Case,
    ) => Promise<{ action: string; details: Record<string, unknown> }>,
    requestId: string,
  ): Promise<Hearing> {
    return this.dataSource.transaction(async (em) => {
      const found = UUID.test(id) ? await em.getRepository(Hearing).findOne({ where: { id } }) : null;
      if (!found) throw new NotFoundError('hearing', id);
      const kase = await this.cases.openableIn(em, found.caseId, by, true).catch(() => {
        throw new NotFoundError('hearing', id);
      });
      const hearing = await em
        .getRepository(Hearing)
        .createQueryBuilder('h')
        .where('h.id = :id', { id })
        .setLock('pessimistic_write')
        .getOneOrFail();
      const { action, details } = await apply(em, hearing, kase);
      const saved = await em.save(hearing);
      await this.audit.record(em, auditContextOf(by, requestId), {
        action,
        entityType: 'hearing',
        entityId: hearing.id,
        details: { caseId: hearing.caseId, ...details },
      });
      return saved;
    });
  }
}

function label(forum: Forum): string {
  const text = forum.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
