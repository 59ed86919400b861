import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { auditContextOf, type Principal } from '@precedent/identity';
import { ConflictError, InvalidInputError, NotFoundError } from '@precedent/platform';
import type { PanelRole } from './panel-composition.rules';
import { mayChangeAvailability } from './panel-availability.rules';
import { PanelMember } from './panel-member.entity';
import { PanelRelationship } from './panel-relationship.entity';
import { minuteOf, type UnavailablePeriod } from './sitting-time.rules';

export interface AddPanelMemberInput {
  name: string;
  userId?: string;
  roles: PanelRole[];
  rank?: string;
  /** Their force: a senior officer's hearing needs a chair from another force. */
  force?: string;
  /** Where seating notices and reminders are emailed. */
  email?: string;
  unavailableOn?: string[];
  /** Parts of days they cannot sit (local times, end exclusive). */
  unavailablePeriods?: UnavailablePeriod[];
}

export interface AddRelationshipInput {
  kind: 'line_manages' | 'took_part';
  force?: string;
  staffNumber?: string;
  caseId?: string;
  description: string;
}

/** The pool of people who may sit on panels, their availability and the relationships that bar them. */
@Injectable()
export class PanelPoolService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async add(input: AddPanelMemberInput, by: Principal, requestId: string): Promise<PanelMember> {
    const periods = checkedPeriods(input.unavailablePeriods ?? []);
    if (input.roles.includes('police_member') && !input.rank?.trim()) {
      throw new InvalidInputError('rank_required', 'A police member needs their rank.', {
        fields: [{ field: 'rank', message: 'required for a police member' }],
      });
    }
    return this.dataSource.transaction(async (em) => {
      if (input.userId) {
        const taken = await em.getRepository(PanelMember).exists({ where: { userId: input.userId } });
        if (taken) throw new ConflictError('panel_member_exists', 'That user is already in the panel pool.');
      }
      const member = await em.save(
        em.create(PanelMember, {
          name: input.name,
          userId: input.userId ?? null,
          roles: [...new Set(input.roles)],
          rank: input.rank ?? null,
          force: input.force?.trim().toLowerCase() || null,
          email: input.email?.trim() || null,
          unavailableOn: [...new Set(input.unavailableOn ?? [])].sort(),
          unavailablePeriods: periods,
          active: true,
        }),
      );
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'panel_member.add',
        entityType: 'panel_member',
        entityId: member.id,
        details: { roles: member.roles },
      });
      return member;
    });
  }

  /** Whole days, and (when given) parts of days; absent periods stay as they were. */
  async setAvailability(
    id: string,
    unavailableOn: string[],
    by: Principal,
    requestId: string,
    unavailablePeriods?: UnavailablePeriod[],
  ): Promise<PanelMember> {
    const periods = unavailablePeriods ? checkedPeriods(unavailablePeriods) : undefined;
    return this.dataSource.transaction(async (em) => {
      const member = await em.getRepository(PanelMember).findOne({ where: { id } });
      // another member's diary is "not found" to a panel member: it is not theirs to change
      if (!member || !mayChangeAvailability(member, by)) throw new NotFoundError('panel member', id);
      member.unavailableOn = [...new Set(unavailableOn)].sort();
      if (periods) member.unavailablePeriods = periods;
      await em.save(member);
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'panel_member.availability',
        entityType: 'panel_member',
        entityId: id,
        details: { days: member.unavailableOn.length, periods: member.unavailablePeriods.length },
      });
      return member;
    });
  }

  async addRelationship(
    memberId: string,
    input: AddRelationshipInput,
    by: Principal,
    requestId: string,
  ): Promise<PanelRelationship> {
    if (input.kind === 'line_manages' && (!input.force || !input.staffNumber)) {
      throw new InvalidInputError(
        'relationship_incomplete',
        'Line management names the force and staff number of the officer managed.',
      );
    }
    if (input.kind === 'took_part' && !input.caseId) {
      throw new InvalidInputError('relationship_incomplete', 'Taking part names the case.');
    }
    return this.dataSource.transaction(async (em) => {
      const member = await em.getRepository(PanelMember).findOne({ where: { id: memberId } });
      if (!member) throw new NotFoundError('panel member', memberId);
      const relationship = await em.save(
        em.create(PanelRelationship, {
          panelMemberId: memberId,
          kind: input.kind,
          force: input.force ?? null,
          staffNumber: input.staffNumber ?? null,
          caseId: input.caseId ?? null,
          description: input.description,
        }),
      );
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'panel_member.relationship.add',
        entityType: 'panel_member',
        entityId: memberId,
        details: { relationshipId: relationship.id, kind: input.kind },
      });
      return relationship;
    });
  }

  /** The recorded relationships of these members, oldest first: what the pool page shows beside each. */
  relationshipsOf(memberIds: string[]): Promise<PanelRelationship[]> {
    if (memberIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(PanelRelationship)
      .find({ where: { panelMemberId: In(memberIds) }, order: { createdAt: 'ASC' } });
  }

  list(): Promise<PanelMember[]> {
    return this.dataSource
      .getRepository(PanelMember)
      .find({ where: { active: true }, order: { name: 'ASC' } });
  }
}

/** Each period ends after it starts; sorted so the record reads in order. */
function checkedPeriods(periods: UnavailablePeriod[]): UnavailablePeriod[] {
  const fields = periods.flatMap((p, i) =>
    (p.to === '24:00' ? 24 * 60 : minuteOf(p.to)) <= minuteOf(p.from)
      ? [{ field: `unavailablePeriods[${i}].to`, message: 'must be after from' }]
      : [],
  );
  if (fields.length) {
    throw new InvalidInputError('bad_period', 'Each unavailable period must end after it starts.', {
      fields,
    });
  }
  return periods
    .map((p) => ({ date: p.date, from: p.from, to: p.to }))
    .sort((a, b) => (a.date + a.from).localeCompare(b.date + b.from));
}
