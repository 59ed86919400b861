import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not, type SelectQueryBuilder } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { CaseContentsService, CasesService, visibleCasesWhere, type Case } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError, NotFoundError, WorkingDayCalendar } from '@precedent/platform';
import {
  HearingStateError,
  NotReferredError,
  PanelCompositionError,
  PanelConflictError,
  TimeLimitError,
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
import {
  panelBreaches,
  sitsInPublic,
  type PanelContext,
  type PanelRole,
  type PanelSeat,
} from '../panels/panel-composition.rules';
import { panelConflicts, type PanelConflict } from '../panels/panel-conflict.rules';
import { DEFAULT_DURATION_MINUTES, sittingOf } from '../panels/sitting-time.rules';
import {
  checkMeetingHeldWithin,
  checkOfficerAlternative,
  checkPreHearingDate,
  type LimitAnswer,
} from '../scheduling/time-limit.rules';
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

export interface SpecialConditionsInput {
  /** The senior officer who certified the special conditions (reg 49): their account, pool entry, or both. */
  certifiedByUserId?: string;
  certifiedByPanelMemberId?: string;
  /** The chief officer is an interested party: the chair is another force's chief officer or a Met AC. */
  chiefOfficerInterestedParty?: boolean;
}

export interface CreateHearingInput extends SpecialConditionsInput {
  caseId: string;
  /** The day the reg 30 documents (or the reg 51 notice) reached the officer. */
  documentsSuppliedOn: string;
}

export interface HearingDateInput {
  date: string;
  startsAt?: string;
  /** Expected length; absent: the forum's default (DEFAULT_DURATION_MINUTES). */
  durationMinutes?: number;
  venue?: string;
  remoteLink?: string;
  /** A meeting after its reg 34 time limit: why the interests of justice require it. */
  extensionReason?: string;
}

export interface PreHearingInput {
  /** reg 33: the day the documents reached the chair; required the first time. */
  chairDocumentsSuppliedOn?: string;
  date: string;
  startsAt?: string;
  /** A date after the reg 33(1)(a) window: why the chair extends it. */
  extensionReason?: string;
}

export interface AlternativeDateInput {
  date: string;
  startsAt?: string;
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
  /** The reference of the hearing's case: whoever may see the hearing may open the case. */
  caseReference: string;
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
      if (forum !== 'accelerated_hearing' && (input.certifiedByUserId || input.certifiedByPanelMemberId)) {
        throw new InvalidInputError(
          'not_accelerated',
          'Special conditions are certified (reg 49) only for an accelerated hearing; this case is referred to a ' +
            `${forum.replace(/_/g, ' ')}. Leave certifiedByUserId and certifiedByPanelMemberId out.`,
        );
      }
      const open = await em
        .getRepository(Hearing)
        .exists({ where: { caseId: kase.id, status: Not('concluded') } });
      if (open) throw new HearingStateError('This case already has a meeting or hearing being arranged.');
      if (input.certifiedByPanelMemberId) await this.poolMember(em, input.certifiedByPanelMemberId);
      const hearing = await em.save(
        em.create(Hearing, {
          caseId: kase.id,
          forum,
          certifiedByUserId: input.certifiedByUserId ?? null,
          certifiedByPanelMemberId: input.certifiedByPanelMemberId ?? null,
          chiefOfficerInterestedParty: input.chiefOfficerInterestedParty ?? false,
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
          durationMinutes: durationOf(hearing),
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
    return this.listed(
      by,
      requestId,
      (query) =>
        query
          .andWhere(`h.status <> 'concluded'`)
          .andWhere('(h.scheduled_on IS NULL OR h.scheduled_on >= :from)', { from: filters.from })
          .orderBy('h.scheduled_on', 'ASC', 'NULLS LAST')
          .addOrderBy('h.starts_at', 'ASC', 'NULLS LAST')
          .addOrderBy('h.created_at', 'ASC')
          .limit(filters.limit),
      {},
    );
  }

  /**
   * Meetings and hearings dated from `from` to `to` (inclusive), of the cases this person may open,
   * concluded ones included: what a month of the calendar shows. Audited with the ids shown.
   */
  async between(
    range: { from: string; to: string },
    by: Principal,
    requestId: string,
  ): Promise<UpcomingHearing[]> {
    return this.listed(
      by,
      requestId,
      (query) =>
        query
          .andWhere('h.scheduled_on BETWEEN :from AND :to', range)
          .orderBy('h.scheduled_on', 'ASC')
          .addOrderBy('h.starts_at', 'ASC', 'NULLS LAST'),
      { from: range.from, to: range.to },
    );
  }

  /** Hearings of the cases this person may open, narrowed by `refine`, with their case references; audited. */
  private async listed(
    by: Principal,
    requestId: string,
    refine: (query: SelectQueryBuilder<Hearing>) => SelectQueryBuilder<Hearing>,
    details: Record<string, unknown>,
  ): Promise<UpcomingHearing[]> {
    const [visible, params] = visibleCasesWhere('c', by);
    const query = this.dataSource
      .getRepository(Hearing)
      .createQueryBuilder('h')
      .innerJoin('cases', 'c', 'c.id = h.case_id')
      .addSelect('c.reference', 'case_reference')
      .where(visible, params);
    const rows = await refine(query).getRawAndEntities();
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'hearing.list',
      entityType: 'hearing',
      details: { ids: rows.entities.map((h) => h.id), ...details },
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
        this.checkDate(hearing, input.date, input.extensionReason);
        this.setPlace(hearing, input);
        hearing.chairDate = input.date;
        hearing.status = 'date_proposed';
        await this.history(em, hearing, 'proposed', by, null);
        await this.checkSeatsFree(em, hearing, kase);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_date_proposed',
          actorId: by.userId,
          reason: `${label(hearing.forum)} proposed for ${input.date}${this.extensionNote(hearing, input.date)}.`,
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
        // the officer's alternative (reg 34) was lawful when taken; a date the chair gives is checked afresh
        const officersDate = !input.date && hearing.chairDate !== null && hearing.chairDate !== date;
        // a reason given with the proposal carries over to fixing the same date
        const reason =
          input.extensionReason ??
          (date === hearing.scheduledOn ? (hearing.timeLimitExtensionReason ?? undefined) : undefined);
        this.checkDate(hearing, date, reason, officersDate);
        if (input.date) hearing.chairDate = input.date;
        this.setPlace(hearing, { ...input, date });
        if (
          hearing.forum === 'accelerated_hearing' &&
          !hearing.certifiedByUserId &&
          !hearing.certifiedByPanelMemberId
        ) {
          throw new InvalidInputError(
            'certifier_required',
            'Record who certified the special conditions (reg 49) before fixing an accelerated hearing: PUT /api/hearings/:id/special-conditions with certifiedByUserId or certifiedByPanelMemberId. They may not chair it.',
            { rule: 'reg_49_certifier_chair' },
          );
        }
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
        const breaches = panelBreaches(
          hearing.forum,
          date,
          seats.map((s) => seatOf(s.role, s.panelMember)),
          await this.panelContext(em, hearing),
        );
        if (breaches.length) {
          throw new PanelCompositionError(
            breaches.map((b) => b.message),
            breaches.map((b) => b.rule),
          );
        }
        await this.checkSeatsFree(em, hearing, kase);
        hearing.status = 'fixed';
        await this.history(em, hearing, 'fixed', by, null);
        await this.planDateNotices(em, hearing, date);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_date_fixed',
          actorId: by.userId,
          reason: `${label(hearing.forum)} fixed for ${date}${hearing.startsAt ? ` at ${hearing.startsAt}` : ''}${this.extensionNote(hearing, date)}.`,
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
        const proposed = [...seats.map((s) => seatOf(s.role, s.panelMember)), seatOf(input.role, member)];
        // an incomplete panel is expected while it is being filled; anything else is refused now
        const breaches = panelBreaches(
          hearing.forum,
          hearing.scheduledOn,
          proposed,
          await this.panelContext(em, hearing),
        ).filter((b) => !b.message.startsWith('The panel needs'));
        if (breaches.length) {
          throw new PanelCompositionError(
            breaches.map((b) => b.message),
            breaches.map((b) => b.rule),
          );
        }
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
    const [seats, history, notices, [kase]] = await Promise.all([
      this.seatsOf(em, hearing.id),
      em.getRepository(HearingDateChange).find({ where: { hearingId: hearing.id }, order: { id: 'ASC' } }),
      this.notices.list(hearing.id),
      em.query(`SELECT reference FROM cases WHERE id = $1`, [hearing.caseId]) as Promise<
        { reference: string }[]
      >,
    ]);
    return { hearing, seats, history, notices, caseReference: kase?.reference ?? '' };
  }

  private checkDate(
    hearing: Hearing,
    date: string,
    extensionReason?: string,
    officersAlternative = false,
  ): void {
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
    if (hearing.forum === 'misconduct_meeting' && !officersAlternative) {
      const limit = checkMeetingHeldWithin(
        { noticeGivenOn: hearing.documentsSuppliedOn, proposed: date, extensionReason },
        this.calendar,
        this.periods.timeLimits,
      );
      refuseUnlawful(limit);
      hearing.timeLimitExtensionReason = limit.lawful && limit.extended ? extensionReason!.trim() : null;
    }
  }

  /** ", held after the reg 34 time limit in the interests of justice: <reason>" when it was extended. */
  private extensionNote(hearing: Hearing, date: string): string {
    return hearing.timeLimitExtensionReason && hearing.scheduledOn === date
      ? `, after the reg 34 time limit in the interests of justice: ${hearing.timeLimitExtensionReason}`
      : '';
  }

  /**
   * reg 34: the officer proposes another date for their meeting, within 5 working days after the
   * date the chair specified. Taken in place of the chair's date (the time limit does not apply to
   * it); a fixed meeting keeps its panel if every member is free then, and its notices move.
   */
  async officerAlternativeDate(
    id: string,
    input: AlternativeDateInput,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.change(
      id,
      by,
      async (em, hearing, kase) => {
        if (hearing.forum !== 'misconduct_meeting') {
          throw new HearingStateError(
            "The officer's alternative date under reg 34 is for a misconduct meeting; for a hearing's pre-hearing use POST /api/hearings/:id/pre-hearing/alternative-date (reg 33(3)).",
          );
        }
        if ((hearing.status !== 'date_proposed' && hearing.status !== 'fixed') || !hearing.chairDate) {
          throw new HearingStateError(
            'The officer proposes an alternative to a date the chair has given: propose one first.',
          );
        }
        refuseUnlawful(
          checkOfficerAlternative(
            {
              chairDate: hearing.chairDate,
              proposed: input.date,
              today: this.clock.today(),
              regulation: 'reg 34',
            },
            this.calendar,
            this.periods.timeLimits,
          ),
        );
        this.checkDate(hearing, input.date, undefined, true);
        const was = hearing.scheduledOn;
        this.setPlace(hearing, input);
        hearing.timeLimitExtensionReason = null;
        await this.checkSeatsFree(em, hearing, kase);
        await this.history(
          em,
          hearing,
          hearing.status === 'fixed' ? 'fixed' : 'proposed',
          by,
          `The officer's alternative to ${hearing.chairDate} (reg 34).`,
        );
        if (hearing.status === 'fixed') {
          await this.planDateNotices(em, hearing, input.date);
        }
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'hearing_date_proposed',
          actorId: by.userId,
          reason: `${label(hearing.forum)} moved from ${was} to the officer's alternative date ${input.date} (reg 34).`,
        });
        return { action: 'hearing.date.officer_alternative', details: { was, date: input.date } };
      },
      requestId,
    );
  }

  /**
   * reg 33: the chair sets the pre-hearing of a misconduct hearing within 15 working days from the
   * first working day after the documents reached them (later only with a recorded reason).
   */
  async setPreHearing(
    id: string,
    input: PreHearingInput,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.change(
      id,
      by,
      async (em, hearing) => {
        if (hearing.forum !== 'misconduct_hearing') {
          throw new HearingStateError('A pre-hearing (reg 33) is held for misconduct hearings only.');
        }
        if (hearing.status === 'concluded') throw new HearingStateError('The hearing has concluded.');
        const today = this.clock.today();
        const documentsToChairOn = input.chairDocumentsSuppliedOn ?? hearing.chairDocumentsSuppliedOn;
        if (!documentsToChairOn) {
          throw new InvalidInputError(
            'chair_documents_required',
            'Give chairDocumentsSuppliedOn: the reg 33 period counts from the day the documents reached the chair.',
            { fields: [{ field: 'chairDocumentsSuppliedOn', message: 'required the first time' }] },
          );
        }
        if (documentsToChairOn > today) {
          throw new InvalidInputError('future_date', 'chairDocumentsSuppliedOn cannot be in the future.', {
            fields: [{ field: 'chairDocumentsSuppliedOn', message: 'must be today or earlier' }],
          });
        }
        const answer = checkPreHearingDate(
          {
            documentsToChairOn,
            proposed: input.date,
            today,
            extensionReason: input.extensionReason,
            hearingDate: hearing.scheduledOn,
          },
          this.calendar,
          this.periods.timeLimits,
        );
        refuseUnlawful(answer);
        hearing.chairDocumentsSuppliedOn = documentsToChairOn;
        hearing.preHearingChairDate = input.date;
        hearing.preHearingOn = input.date;
        hearing.preHearingStartsAt = input.startsAt ?? null;
        hearing.preHearingExtensionReason =
          answer.lawful && answer.extended ? input.extensionReason!.trim() : null;
        await this.notices.cancel(em, hearing.id, ['pre_hearing']);
        await this.notices.plan(em, hearing, [
          {
            kind: 'pre_hearing',
            dueOn: this.calendar.onOrAfter(today),
            text: `Notice to the officer: the pre-hearing (reg 33) is on ${input.date}${input.startsAt ? ` at ${input.startsAt}` : ''}; an alternative date may be proposed within ${this.periods.timeLimits.officerAlternativeWithin} working days after it.`,
          },
        ]);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'pre_hearing_set',
          actorId: by.userId,
          reason: `Pre-hearing set for ${input.date} (documents to the chair on ${documentsToChairOn})${
            hearing.preHearingExtensionReason
              ? `, after the reg 33 period, extended by the chair: ${hearing.preHearingExtensionReason}`
              : ''
          }.`,
        });
        return {
          action: 'hearing.pre_hearing.set',
          details: { date: input.date, extended: hearing.preHearingExtensionReason !== null },
        };
      },
      requestId,
    );
  }

  /** reg 33(3): the officer's alternative pre-hearing date, within 5 working days after the chair's. */
  async preHearingAlternative(
    id: string,
    input: AlternativeDateInput,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.change(
      id,
      by,
      async (em, hearing) => {
        if (!hearing.preHearingChairDate) {
          throw new HearingStateError(
            'The chair has not set a pre-hearing date yet (POST /api/hearings/:id/pre-hearing).',
          );
        }
        refuseUnlawful(
          checkOfficerAlternative(
            {
              chairDate: hearing.preHearingChairDate,
              proposed: input.date,
              today: this.clock.today(),
              regulation: 'reg 33(3)',
            },
            this.calendar,
            this.periods.timeLimits,
          ),
        );
        const was = hearing.preHearingOn;
        hearing.preHearingOn = input.date;
        if (input.startsAt !== undefined) hearing.preHearingStartsAt = input.startsAt;
        await this.notices.cancel(em, hearing.id, ['pre_hearing']);
        await this.notices.plan(em, hearing, [
          {
            kind: 'pre_hearing',
            dueOn: this.calendar.onOrAfter(this.clock.today()),
            text: `The pre-hearing moves from ${was} to the officer's alternative date ${input.date} (reg 33(3)).`,
          },
        ]);
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'pre_hearing_set',
          actorId: by.userId,
          reason: `Pre-hearing moved from ${was} to the officer's alternative date ${input.date} (reg 33(3)).`,
        });
        return { action: 'hearing.pre_hearing.alternative', details: { was, date: input.date } };
      },
      requestId,
    );
  }

  /**
   * reg 49: who certified an accelerated hearing's special conditions, and whether the chief officer
   * is an interested party. Refused if the seated chair would then break the chair rules.
   */
  async setSpecialConditions(
    id: string,
    input: SpecialConditionsInput,
    by: Principal,
    requestId: string,
  ): Promise<Hearing> {
    return this.change(
      id,
      by,
      async (em, hearing) => {
        if (hearing.forum !== 'accelerated_hearing') {
          throw new HearingStateError(
            'Special conditions are certified (reg 49) only for an accelerated hearing.',
          );
        }
        if (hearing.status === 'concluded') throw new HearingStateError('The hearing has concluded.');
        if (!input.certifiedByUserId && !input.certifiedByPanelMemberId) {
          throw new InvalidInputError(
            'certifier_required',
            'Name who certified the special conditions (reg 49): certifiedByUserId, certifiedByPanelMemberId, or both.',
            { fields: [{ field: 'certifiedByUserId', message: 'give this or certifiedByPanelMemberId' }] },
          );
        }
        if (input.certifiedByPanelMemberId) await this.poolMember(em, input.certifiedByPanelMemberId);
        hearing.certifiedByUserId = input.certifiedByUserId ?? null;
        hearing.certifiedByPanelMemberId = input.certifiedByPanelMemberId ?? null;
        if (input.chiefOfficerInterestedParty !== undefined) {
          hearing.chiefOfficerInterestedParty = input.chiefOfficerInterestedParty;
        }
        if (hearing.scheduledOn) {
          const seats = await this.seatsOf(em, hearing.id);
          const breaches = panelBreaches(
            hearing.forum,
            hearing.scheduledOn,
            seats.map((s) => seatOf(s.role, s.panelMember)),
            await this.panelContext(em, hearing),
          ).filter((b) => !b.message.startsWith('The panel needs'));
          if (breaches.length) {
            throw new PanelCompositionError(
              breaches.map((b) => b.message),
              breaches.map((b) => b.rule),
            );
          }
        }
        await this.cases.addEvent(em, hearing.caseId, {
          kind: 'special_conditions_certified',
          actorId: by.userId,
          reason: `Special conditions certified (reg 49); the certifying officer may not chair${
            hearing.chiefOfficerInterestedParty
              ? "; the chief officer is an interested party, so another force's chief officer or a Met Assistant Commissioner chairs"
              : ''
          }.`,
        });
        return {
          action: 'hearing.special_conditions',
          details: {
            certifiedByUserId: hearing.certifiedByUserId,
            certifiedByPanelMemberId: hearing.certifiedByPanelMemberId,
            chiefOfficerInterestedParty: hearing.chiefOfficerInterestedParty,
          },
        };
      },
      requestId,
    );
  }

  private async poolMember(em: EntityManager, id: string): Promise<PanelMember> {
    const member = UUID.test(id) ? await em.getRepository(PanelMember).findOne({ where: { id } }) : null;
    if (!member) throw new NotFoundError('panel member', id);
    return member;
  }

  /** The facts beyond the seats that decide who may sit: the subjects and reg 49's record. */
  private async panelContext(em: EntityManager, hearing: Hearing): Promise<PanelContext> {
    const contents = await this.contents.contentsIn(em, hearing.caseId);
    return {
      subjects: contents.subjects.map((s) => ({ rank: s.rank, role: s.role, force: s.force })),
      certifiedBy: { userId: hearing.certifiedByUserId, panelMemberId: hearing.certifiedByPanelMemberId },
      chiefOfficerInterestedParty: hearing.chiefOfficerInterestedParty,
    };
  }

  private setPlace(hearing: Hearing, input: Partial<HearingDateInput> & { date: string }): void {
    hearing.scheduledOn = input.date;
    if (input.startsAt !== undefined) hearing.startsAt = input.startsAt;
    if (input.durationMinutes !== undefined) hearing.durationMinutes = input.durationMinutes;
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
    // one after another: a transaction is one connection, which runs one query at a time
    const participants = await this.cases.participants(em, kase);
    const relationships = await em
      .getRepository(PanelRelationship)
      .find({ where: { panelMemberId: member.id } });
    const contents = await this.contents.contentsIn(em, kase.id);
    const bookings = hearing.scheduledOn
      ? await em
          .getRepository(HearingSeat)
          .createQueryBuilder('s')
          .innerJoin(Hearing, 'h', 'h.id = s.hearing_id')
          .select([
            'h.id AS hearing_id',
            'h.forum AS forum',
            'h.scheduled_on::text AS date',
            'h.starts_at AS starts_at',
            'h.duration_minutes AS duration_minutes',
          ])
          .where('s.panel_member_id = :member', { member: member.id })
          .andWhere('h.id <> :hearing', { hearing: hearing.id })
          .andWhere('h.scheduled_on = :date', { date: hearing.scheduledOn })
          .andWhere('h.status IN (:...statuses)', { statuses: ['date_proposed', 'fixed'] })
          .getRawMany<{
            hearing_id: string;
            forum: Forum;
            date: string;
            starts_at: string | null;
            duration_minutes: number | null;
          }>()
      : [];
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
      unavailablePeriods: member.unavailablePeriods,
      otherBookings: bookings.map((b) => ({
        hearingId: b.hearing_id,
        sitting: sittingOf(b.forum, b.date, b.starts_at, b.duration_minutes),
      })),
      sitting: hearing.scheduledOn
        ? sittingOf(hearing.forum, hearing.scheduledOn, hearing.startsAt, hearing.durationMinutes)
        : null,
    });
  }

  /** The notices a fixed date sets off, replacing any planned for an earlier date. */
  private async planDateNotices(em: EntityManager, hearing: Hearing, date: string): Promise<void> {
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

function seatOf(role: PanelRole, member: PanelMember): PanelSeat {
  return {
    role,
    ...(member.rank ? { rank: member.rank } : {}),
    panelMemberId: member.id,
    userId: member.userId,
    force: member.force,
  };
}

function refuseUnlawful(answer: LimitAnswer): asserts answer is LimitAnswer & { lawful: true } {
  if (!answer.lawful) {
    throw new TimeLimitError(answer.rule, answer.message, answer.latestLawfulDate, answer.earliestLawfulDate);
  }
}

/** The expected length of a hearing's sitting in minutes: its own, or the forum's default. */
export function durationOf(hearing: Pick<Hearing, 'forum' | 'durationMinutes'>): number {
  return hearing.durationMinutes ?? DEFAULT_DURATION_MINUTES[hearing.forum];
}

function label(forum: Forum): string {
  const text = forum.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
