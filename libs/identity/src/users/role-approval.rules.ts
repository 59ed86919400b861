import { CASE_CONTENT_ROLES, type Role } from './role';

/**
 * Which of the roles a member of staff asks to give a user wait for a second administrator: those
 * that read case content and the user does not hold yet. Removing a role, or giving one that reads
 * no case content, takes effect at once. Work done by the system itself (the CLI on the server, set
 * up by whoever runs it) is not asked: `requestedBy` is null.
 */
export function rolesAwaitingApproval(
  held: readonly Role[],
  wanted: readonly Role[],
  requestedBy: string | null,
): Role[] {
  if (requestedBy === null) return [];
  return wanted.filter((role) => CASE_CONTENT_ROLES.includes(role) && !held.includes(role));
}

/**
 * Why this administrator may not approve this request, or null when they may: the one who asked
 * cannot approve it, and nobody approves a role for themselves.
 */
export function approvalRefusal(
  request: { userId: string; requestedBy: string },
  approverId: string | null,
): string | null {
  if (approverId === null) return null;
  if (approverId === request.requestedBy)
    return 'You asked for this role, so another administrator must approve it.';
  if (approverId === request.userId) return 'Another administrator must approve a role given to you.';
  return null;
}
