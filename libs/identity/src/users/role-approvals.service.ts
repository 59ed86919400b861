import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditContext } from '@precedent/audit';
import { ForbiddenError, NotFoundError } from '@precedent/platform';
import type { Role } from './role';
import { RoleApproval } from './role-approval.entity';
import { approvalRefusal, rolesAwaitingApproval } from './role-approval.rules';
import { User } from './user.entity';

export interface PendingRoleApproval {
  id: string;
  userId: string;
  username: string;
  role: Role;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
}

/**
 * Roles that read case content, given by an administrator, wait for a second administrator: no one
 * can give themselves (or, alone, anyone) the power to read cases. Every step is audited.
 */
@Injectable()
export class RoleApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * In the caller's transaction: records a request for each wanted role that must wait, withdraws
   * waiting requests for roles no longer wanted, and returns the roles the user holds from now on.
   */
  async holdBack(
    em: EntityManager,
    userId: string,
    held: readonly Role[],
    wanted: readonly Role[],
    context: AuditContext,
  ): Promise<{ roles: Role[]; awaiting: Role[] }> {
    const awaiting = rolesAwaitingApproval(held, wanted, context.actorId);
    await em.query(
      `UPDATE role_approvals SET decided_at = now(), decided_by = $2, approved = false
        WHERE user_id = $1 AND decided_at IS NULL AND NOT (role = ANY($3::text[]))`,
      [userId, context.actorId, awaiting],
    );
    for (const role of awaiting) {
      await em.query(
        `INSERT INTO role_approvals (user_id, role, requested_by) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, role) WHERE decided_at IS NULL DO NOTHING`,
        [userId, role, context.actorId],
      );
    }
    if (awaiting.length > 0) {
      await this.audit.record(em, context, {
        action: 'user.role_requested',
        entityType: 'user',
        entityId: userId,
        details: { roles: awaiting },
      });
    }
    return { roles: wanted.filter((role) => !awaiting.includes(role)), awaiting };
  }

  /** Every request still waiting, oldest first, with who it is for and who asked. */
  async pending(): Promise<PendingRoleApproval[]> {
    return this.dataSource.query(
      `SELECT a.id, a.user_id AS "userId", u.username, a.role, a.requested_by AS "requestedBy",
              coalesce(r.display_name, 'an administrator') AS "requestedByName", a.requested_at AS "requestedAt"
         FROM role_approvals a JOIN users u ON u.id = a.user_id LEFT JOIN users r ON r.id = a.requested_by
        WHERE a.decided_at IS NULL
        ORDER BY a.requested_at, a.id`,
    );
  }

  /** The roles waiting for each of these users. */
  async awaitingFor(userIds: readonly string[]): Promise<Map<string, Role[]>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT user_id AS "userId", array_agg(role ORDER BY role) AS roles FROM role_approvals
        WHERE decided_at IS NULL AND user_id = ANY($1::uuid[]) GROUP BY user_id`,
      [userIds],
    )) as { userId: string; roles: Role[] }[];
    return new Map(rows.map((row) => [row.userId, row.roles]));
  }

  /**
   * Approves (the user holds the role from now on) or refuses a waiting request. Only a second
   * administrator approves: not the one who asked, not the user themselves. Anyone may refuse.
   */
  async decide(id: string, approve: boolean, context: AuditContext): Promise<RoleApproval> {
    return this.dataSource.transaction(async (em) => {
      const request = await em.findOne(RoleApproval, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request || request.decidedAt !== null) throw new NotFoundError('role waiting for approval', id);
      if (approve) {
        const refusal = approvalRefusal(request, context.actorId);
        if (refusal) throw new ForbiddenError(refusal);
        const user = await em.findOne(User, {
          where: { id: request.userId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!user) throw new NotFoundError('user', request.userId);
        if (!user.roles.includes(request.role)) {
          user.roles = [...user.roles, request.role];
          await em.save(user);
        }
      }
      request.decidedAt = new Date();
      request.decidedBy = context.actorId;
      request.approved = approve;
      await em.save(request);
      await this.audit.record(em, context, {
        action: approve ? 'user.role_approved' : 'user.role_refused',
        entityType: 'user',
        entityId: request.userId,
        details: { role: request.role, requestId: request.id, requestedBy: request.requestedBy },
      });
      return request;
    });
  }
}
