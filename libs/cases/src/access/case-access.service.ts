import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { auditContextOf, type Principal, type Role } from '@precedent/identity';
import { Clock, ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@precedent/platform';
import { Case } from '../cases/case.entity';
import { CaseEvent } from '../cases/case-event.entity';
import { StaleVersionError } from '../cases/case.errors';
import { findOpenableCase, grantedUserIds, panelUserIds } from '../cases/openable-case';
import { CaseGrant } from './case-grant.entity';
import { GRANT_IN_FORCE_SQL } from './grant-in-force';
import { grantInForce, lockoutReason, mayDecideAccess, refusedGrant } from './case-access-change.rules';

export interface ChangeAccessInput {
  version: number;
  reason: string;
  restricted?: boolean;
  team?: string | null;
  assignedInvestigatorId?: string | null;
}

export interface GrantInput {
  userId: string;
  reason: string;
  /** The last day the grant is in force (YYYY-MM-DD). */
  until: string;
}

/** Who may open a case, as its access deciders see it: no case content. */
export interface CaseAccessView {
  caseId: string;
  reference: string;
  version: number;
  restricted: boolean;
  team: string | null;
  assignedInvestigatorId: string | null;
  grants: GrantView[];
}

export interface GrantView {
  grant: CaseGrant;
  inForce: boolean;
}

/** A case given to someone, as their My work lists it. */
export interface GrantedCase {
  caseId: string;
  reference: string;
  status: string;
  reason: string;
  until: string;
}

export class AccessDecisionForbiddenError extends ForbiddenError {
  constructor() {
    super(
      'Only the appropriate authority or an access manager decides who may open a case. Ask one of them.',
    );
  }
}

export class AccessChangeRefusedError extends InvalidInputError {
  constructor(message: string) {
    super('access_change_refused', message);
  }
}

/**
 * Who may open a case: its restriction, team and investigator, and explicit grants. Only the
 * appropriate authority (on cases they may open) and PSD's access manager (on any case, without
 * reading its content) change them, always with a reason, audited and on the timeline.
 */
@Injectable()
export class CaseAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The cases given to this person by a grant in force today, the soonest to end first (each is
   * one they may open: the access policy reads the same grants). Only references are shown.
   */
  async grantedTo(by: Principal, limit: number): Promise<{ items: GrantedCase[]; total: number }> {
    const rows: (GrantedCase & { total: number })[] = await this.dataSource.query(
      `SELECT g.case_id AS "caseId", c.reference, c.status, g.reason, to_char(g.until, 'YYYY-MM-DD') AS until,
              count(*) OVER ()::int AS total
         FROM case_grants g JOIN cases c ON c.id = g.case_id
        WHERE g.user_id = $1 AND ${GRANT_IN_FORCE_SQL('g', '$3')}
        ORDER BY g.until, c.reference
        LIMIT $2`,
      [by.userId, limit, this.clock.today()],
    );
    return { items: rows.map(({ total: _total, ...item }) => item), total: rows[0]?.total ?? 0 };
  }

  /** The access facts and every grant, for the case's deciders and those who may open it. */
  async access(id: string, by: Principal): Promise<CaseAccessView> {
    const em = this.dataSource.manager;
    const kase = by.roles.includes('access_manager')
      ? await this.anyCase(em, id, false)
      : await findOpenableCase(em, id, by, false, this.clock.today());
    return this.viewOf(em, kase);
  }

  async changeAccess(
    id: string,
    input: ChangeAccessInput,
    by: Principal,
    requestId: string,
  ): Promise<CaseAccessView> {
    return this.dataSource.transaction(async (em) => {
      const kase = await this.decidable(em, id, by);
      if (input.version !== kase.version) throw new StaleVersionError(kase.version);
      const before = {
        restricted: kase.restricted,
        team: kase.team,
        assignedInvestigatorId: kase.assignedInvestigatorId,
      };
      if (input.assignedInvestigatorId) await this.assertInvestigator(em, input.assignedInvestigatorId);
      const after = {
        restricted: input.restricted ?? before.restricted,
        team: input.team !== undefined ? input.team : before.team,
        assignedInvestigatorId:
          input.assignedInvestigatorId !== undefined
            ? input.assignedInvestigatorId
            : before.assignedInvestigatorId,
      };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
      if (changed.length === 0)
        throw new AccessChangeRefusedError('Nothing would change: choose a different setting.');
      const lockout = lockoutReason(
        {
          ...after,
          grantedUserIds: await grantedUserIds(em, id, this.clock.today()),
          panelMemberIds: await panelUserIds(em, id),
        },
        by.userId,
      );
      if (lockout) throw new AccessChangeRefusedError(lockout);
      Object.assign(kase, after);
      await em.save(kase);
      await em.insert(CaseEvent, {
        caseId: id,
        actorId: by.userId,
        kind: 'access_changed',
        reason: input.reason,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'case.access.change',
        entityType: 'case',
        entityId: id,
        details: {
          changed: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])),
          reason: input.reason,
        },
      });
      return this.viewOf(em, kase);
    });
  }

  async grant(id: string, input: GrantInput, by: Principal, requestId: string): Promise<GrantView> {
    return this.dataSource.transaction(async (em) => {
      const kase = await this.decidable(em, id, by);
      const grantee: { roles: Role[]; disabled: boolean }[] = await em.query(
        `SELECT roles, disabled FROM users WHERE id = $1`,
        [input.userId],
      );
      if (grantee.length === 0)
        throw new InvalidInputError('no_such_person', 'Choose a person who has an account on Precedent.');
      const refused = refusedGrant(
        {
          granteeId: input.userId,
          granteeRoles: grantee[0].roles,
          granteeDisabled: grantee[0].disabled,
          until: input.until,
        },
        by.userId,
        this.clock.today(),
      );
      if (refused) throw new AccessChangeRefusedError(refused);
      const grant = await em.save(
        em.create(CaseGrant, {
          caseId: kase.id,
          userId: input.userId,
          grantedBy: by.userId,
          reason: input.reason,
          until: input.until,
        }),
      );
      await em.insert(CaseEvent, {
        caseId: kase.id,
        actorId: by.userId,
        kind: 'access_granted',
        reason: input.reason,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'case.grant',
        entityType: 'case',
        entityId: kase.id,
        details: { grantId: grant.id, userId: input.userId, until: input.until, reason: input.reason },
      });
      return { grant, inForce: true };
    });
  }

  async revoke(
    id: string,
    grantId: string,
    reason: string,
    by: Principal,
    requestId: string,
  ): Promise<GrantView> {
    return this.dataSource.transaction(async (em) => {
      const kase = await this.decidable(em, id, by);
      const grant = UUID.test(grantId)
        ? await em.findOne(CaseGrant, {
            where: { id: grantId, caseId: kase.id },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!grant) throw new NotFoundError('grant', grantId);
      if (grant.revokedAt !== null)
        throw new ConflictError('already_revoked', 'This grant has already been revoked.');
      const remaining = (await grantedUserIds(em, kase.id, this.clock.today())).filter(
        (userId) => userId !== grant.userId,
      );
      const lockout = lockoutReason(
        {
          restricted: kase.restricted,
          assignedInvestigatorId: kase.assignedInvestigatorId,
          grantedUserIds: remaining,
          panelMemberIds: await panelUserIds(em, kase.id),
        },
        by.userId,
      );
      if (lockout) throw new AccessChangeRefusedError(lockout);
      grant.revokedAt = new Date();
      grant.revokedBy = by.userId;
      grant.revokeReason = reason;
      await em.save(grant);
      await em.insert(CaseEvent, {
        caseId: kase.id,
        actorId: by.userId,
        kind: 'access_revoked',
        reason,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'case.grant.revoke',
        entityType: 'case',
        entityId: kase.id,
        details: { grantId: grant.id, userId: grant.userId, reason },
      });
      return { grant, inForce: false };
    });
  }

  /** The case under a row lock, when this person may decide who opens it; "not yours" is "not found". */
  private async decidable(em: EntityManager, id: string, by: Principal): Promise<Case> {
    if (!mayDecideAccess(by.roles)) throw new AccessDecisionForbiddenError();
    // an access manager reaches any case (that is how a case nobody else can open is put right);
    // the appropriate authority only the cases they may open
    return by.roles.includes('access_manager')
      ? this.anyCase(em, id, true)
      : findOpenableCase(em, id, by, true, this.clock.today());
  }

  private async anyCase(em: EntityManager, id: string, lock: boolean): Promise<Case> {
    const kase = UUID.test(id)
      ? await em.findOne(Case, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) })
      : null;
    if (!kase) throw new NotFoundError('case', id);
    return kase;
  }

  private async assertInvestigator(em: EntityManager, userId: string): Promise<void> {
    const rows: { roles: Role[]; disabled: boolean }[] = await em.query(
      `SELECT roles, disabled FROM users WHERE id = $1`,
      [userId],
    );
    if (rows.length === 0 || rows[0].disabled || !rows[0].roles.includes('investigator'))
      throw new AccessChangeRefusedError(
        'The person assigned must be an investigator whose account is in use. Choose another investigator.',
      );
  }

  private async viewOf(em: EntityManager, kase: Case): Promise<CaseAccessView> {
    const today = this.clock.today();
    const grants = await em.find(CaseGrant, { where: { caseId: kase.id }, order: { grantedAt: 'DESC' } });
    return {
      caseId: kase.id,
      reference: kase.reference,
      version: kase.version,
      restricted: kase.restricted,
      team: kase.team,
      assignedInvestigatorId: kase.assignedInvestigatorId,
      grants: grants.map((grant) => ({ grant, inForce: grantInForce(grant, today) })),
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
