import type { Principal, Role } from '@precedent/identity';

/** Those who manage the panel pool (add members, record their relationships): they set anyone's availability. */
export const POOL_MANAGERS: readonly Role[] = ['admin', 'appropriate_authority'];

/**
 * Whether this person may change this panel member's availability: a pool manager, or the member
 * themselves. Another member's availability is "not found" to a panel member, as it is not theirs.
 */
export function mayChangeAvailability(member: { userId: string | null }, by: Principal): boolean {
  if (by.roles.some((role) => POOL_MANAGERS.includes(role))) return true;
  return by.roles.includes('panel_member') && member.userId !== null && member.userId === by.userId;
}
