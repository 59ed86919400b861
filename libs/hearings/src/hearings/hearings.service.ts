import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { CasesService } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError, WorkingDayCalendar } from '@precedent/platform';
import { HearingPeriods } from '../config/hearing-periods';
import { HearingStateError, NotReferredError } from '../hearing.errors';
import type { HearingNotice } from '../notices/hearing-notice.entity';
import { referralNotices } from '../notices/notice-plan.rules';
import { NoticesService } from '../notices/notices.service';
import type { Forum } from '../outcomes/outcome';
import { HearingPanelService } from '../panels/hearing-panel.service';
import { sitsInPublic } from '../panels/panel-composition.rules';
import { officerResponseDue } from '../scheduling/notice-period.rules';
import { HearingChanges, type SeatWithMember } from './hearing-changes.service';
import { HearingDateChange } from './hearing-date-change.entity';
import type { CreateHearingInput } from './hearing-inputs';
import { durationOf, forumLabel, stepRefusal } from './hearing-steps.rules';
import { Hearing } from './hearing.entity';
import { hearingICalendar } from './icalendar.rules';

const FORUM_BY_STATUS: Record<string, Forum> = {
  referred_to_meeting: 'misconduct_meeting',
  referred_to_hearing: 'misconduct_hearing',
  referred_to_accelerated_hearing: 'accelerated_hearing',
};

export interface HearingView {
  hearing: Hearing;
  seats: SeatWithMember[];
  history: HearingDateChange[];
  notices: HearingNotice[];
  /** The reference of the hearing's case: whoever may see the hearing may open the case. */
  caseReference: string;
}

/**
 * Meetings and hearings as a whole: created on referral, read with their panel, date history and
 * notices, and given as a calendar file. Dates, the pre-hearing and the panel have services of their own.
 */
@Injectable()
export class HearingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: HearingChanges,
    private readonly panel: HearingPanelService,
    private readonly cases: CasesService,
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
      if (input.certifiedByPanelMemberId) await this.panel.poolMember(em, input.certifiedByPanelMemberId);
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
        reason: `${forumLabel(forum)} arranged; the officer's response is due by ${hearing.officerResponseDue}.`,
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
    const hearing = await this.changes.openable(this.dataSource.manager, id, by);
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
    const hearing = await this.changes.openable(em, id, by);
    const kase = await this.cases.openableIn(em, hearing.caseId, by);
    const refusal = stepRefusal('calendar', hearing);
    if (refusal) throw new HearingStateError(refusal);
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
          status: hearing.status === 'fixed' ? 'fixed' : 'date_proposed',
          caseReference: kase.reference,
          date: hearing.scheduledOn!,
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

  async forCase(caseId: string, by: Principal, requestId: string): Promise<HearingView[]> {
    await this.cases.open(caseId, by, requestId);
    const hearings = await this.dataSource
      .getRepository(Hearing)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
    return Promise.all(hearings.map((h) => this.viewOf(h)));
  }

  private async viewOf(hearing: Hearing): Promise<HearingView> {
    const em = this.dataSource.manager;
    const [seats, history, notices, [kase]] = await Promise.all([
      this.changes.seatsOf(em, hearing.id),
      em.getRepository(HearingDateChange).find({ where: { hearingId: hearing.id }, order: { id: 'ASC' } }),
      this.notices.list(hearing.id),
      em.query(`SELECT reference FROM cases WHERE id = $1`, [hearing.caseId]) as Promise<
        { reference: string }[]
      >,
    ]);
    return { hearing, seats, history, notices, caseReference: kase?.reference ?? '' };
  }
}
