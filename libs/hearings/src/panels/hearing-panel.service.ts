import { Injectable } from '@nestjs/common';
import { CaseContentsService, CasesService, type Case } from '@precedent/cases';
import type { Principal } from '@precedent/identity';
import { InvalidInputError, NotFoundError } from '@precedent/platform';
import type { EntityManager } from 'typeorm';
import { HearingStateError, PanelCompositionError, PanelConflictError } from '../hearing.errors';
import { HearingChanges, refuseStep, UUID } from '../hearings/hearing-changes.service';
import { Hearing } from '../hearings/hearing.entity';
import { breachesWhileFilling } from '../hearings/hearing-steps.rules';
import type { Forum } from '../outcomes/outcome';
import type { SpecialConditionsInput } from '../hearings/hearing-inputs';
import { HearingSeat } from './hearing-seat.entity';
import {
  panelBreaches,
  type PanelBreach,
  type PanelContext,
  type PanelRole,
  type PanelSeat,
} from './panel-composition.rules';
import { panelConflicts, type PanelConflict } from './panel-conflict.rules';
import { PanelMember } from './panel-member.entity';
import { PanelRelationship } from './panel-relationship.entity';
import { sittingOf } from './sitting-time.rules';

/**
 * A hearing's panel: seating members, reg 49's certifier, and the composition and conflict checks the
 * dates service asks before a date is proposed or fixed.
 */
@Injectable()
export class HearingPanelService {
  constructor(
    private readonly changes: HearingChanges,
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
  ) {}

  /** Seats a member: the role must be theirs and fit the panel model; conflicts are refused with their reason. */
  async seat(
    id: string,
    input: { panelMemberId: string; role: PanelRole },
    by: Principal,
    requestId: string,
  ): Promise<HearingSeat> {
    let seat!: HearingSeat;
    await this.changes.change(
      id,
      by,
      async (em, hearing, kase) => {
        refuseStep('seat_member', hearing);
        const member = await em
          .getRepository(PanelMember)
          .findOne({ where: { id: input.panelMemberId, active: true } });
        if (!member) throw new NotFoundError('panel member', input.panelMemberId);
        if (!member.roles.includes(input.role)) {
          throw new PanelCompositionError([
            `This member is not in the pool as a ${input.role.replace(/_/g, ' ')} (their roles: ${member.roles.join(', ').replace(/_/g, ' ')}).`,
          ]);
        }
        const seats = await this.changes.seatsOf(em, hearing.id);
        if (seats.some((s) => s.panelMemberId === member.id)) {
          throw new HearingStateError('This member already sits on this panel.');
        }
        const proposed = [...seats.map((s) => seatOf(s.role, s.panelMember)), seatOf(input.role, member)];
        refuseBreaches(
          breachesWhileFilling(
            panelBreaches(
              hearing.forum,
              hearing.scheduledOn!,
              proposed,
              await this.panelContext(em, hearing),
            ),
          ),
        );
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
    return this.changes.change(
      id,
      by,
      async (em, hearing) => {
        refuseStep('special_conditions', hearing);
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
          refuseBreaches(breachesWhileFilling(await this.breachesOn(em, hearing, hearing.scheduledOn)));
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

  /** Refuses fixing a date unless the seated panel is complete and lawful for it. */
  async refuseIncompletePanel(em: EntityManager, hearing: Hearing, date: string): Promise<void> {
    refuseBreaches(await this.breachesOn(em, hearing, date));
  }

  /** Every seated member is still free on the (new) date: no double booking, not unavailable. */
  async checkSeatsFree(em: EntityManager, hearing: Hearing, kase: Case): Promise<void> {
    const conflicts: PanelConflict[] = [];
    for (const seat of await this.changes.seatsOf(em, hearing.id)) {
      conflicts.push(
        ...(await this.conflictsOf(em, hearing, kase, seat.panelMember)).map((c) => ({
          ...c,
          message: `${seat.panelMember.name}: ${c.message}`,
        })),
      );
    }
    if (conflicts.length) throw new PanelConflictError(conflicts);
  }

  async poolMember(em: EntityManager, id: string): Promise<PanelMember> {
    const member = UUID.test(id) ? await em.getRepository(PanelMember).findOne({ where: { id } }) : null;
    if (!member) throw new NotFoundError('panel member', id);
    return member;
  }

  private async breachesOn(em: EntityManager, hearing: Hearing, date: string): Promise<PanelBreach[]> {
    const seats = await this.changes.seatsOf(em, hearing.id);
    return panelBreaches(
      hearing.forum,
      date,
      seats.map((s) => seatOf(s.role, s.panelMember)),
      await this.panelContext(em, hearing),
    );
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

function refuseBreaches(breaches: readonly PanelBreach[]): void {
  if (breaches.length) {
    throw new PanelCompositionError(
      breaches.map((b) => b.message),
      breaches.map((b) => b.rule),
    );
  }
}
