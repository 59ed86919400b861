import type { AuditContext } from '@precedent/audit';
import type { Role } from '../users/role';

/** The signed-in person making a request. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  team: string | null;
  sessionId: string;
}

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}

export function auditContextOf(principal: Principal | null, requestId: string | null): AuditContext {
  return {
    actorId: principal?.userId ?? null,
    actorName: principal?.username ?? null,
    requestId,
  };
}
