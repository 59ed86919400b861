import { CASE_CONTENT_ROLES, type Role } from '@precedent/identity';

/**
 * Who may change who can open a case, and which changes are refused. Pure: the cases lib gathers
 * the facts, these decide.
 */

/** The roles that decide who may open a case: the appropriate authority and PSD's access manager. */
export const ACCESS_DECIDERS: readonly Role[] = ['appropriate_authority', 'access_manager'];

/** The case fields that decide who may open it; they change only through the access route. */
export const ACCESS_FIELDS = ['restricted', 'team', 'assignedInvestigatorId'] as const;
export type AccessField = (typeof ACCESS_FIELDS)[number];

export function mayDecideAccess(roles: readonly Role[]): boolean {
  return roles.some((role) => ACCESS_DECIDERS.includes(role));
}

/** What an edit of the case's own fields would change that is not the editor's to change. */
export interface CaseEditRequest {
  restricted?: unknown;
  team?: unknown;
  assignedInvestigatorId?: unknown;
  iopcReferralDecision?: unknown;
  iopcReferralRequired?: unknown;
}

export const ACCESS_FIELDS_ELSEWHERE =
  'Who may open a case (whether it is restricted, its team and its investigator) is changed only by the ' +
  'appropriate authority or an access manager, with a reason, through PUT /api/cases/{id}/access. ' +
  'Ask one of them to make the change.';
export const IOPC_DECISION_IS_THE_AUTHORITYS =
  'The appropriate authority records the IOPC referral decision. Ask them to record it on the case.';
export const IOPC_WAIVER_IS_THE_AUTHORITYS =
  'Only the appropriate authority can decide that a case need not be referred to the IOPC. Ask them to decide.';

/** Why an edit is refused (a sentence saying who decides), or null when it may go ahead. */
export function refusedCaseEdit(roles: readonly Role[], edit: CaseEditRequest): string | null {
  if (ACCESS_FIELDS.some((field) => edit[field] !== undefined)) return ACCESS_FIELDS_ELSEWHERE;
  const authority = roles.includes('appropriate_authority');
  if (edit.iopcReferralDecision !== undefined && !authority) return IOPC_DECISION_IS_THE_AUTHORITYS;
  if (edit.iopcReferralRequired === false && !authority) return IOPC_WAIVER_IS_THE_AUTHORITYS;
  return null;
}

/** Who could open the case after a change, as far as it names people. */
export interface AccessAfterChange {
  restricted: boolean;
  assignedInvestigatorId: string | null;
  /** Users with a grant that is in force. */
  grantedUserIds: readonly string[];
  panelMemberIds: readonly string[];
}

/**
 * Why a change would lock everyone else out, or null. An unrestricted case stays open to the
 * appropriate authority (and its team); a restricted one only to the people it names, so it must
 * name someone other than the person making the change, or nobody but them could ever undo it.
 */
export function lockoutReason(after: AccessAfterChange, actorId: string): string | null {
  if (!after.restricted) return null;
  const named = [after.assignedInvestigatorId, ...after.grantedUserIds, ...after.panelMemberIds].filter(
    (id): id is string => id !== null,
  );
  if (named.some((id) => id !== actorId)) return null;
  return named.length === 0
    ? 'A restricted case must name someone who may open it: assign an investigator or grant it to someone, or leave it unrestricted.'
    : 'This change would leave a restricted case that only you could open. Assign another investigator or grant it to someone else first, or leave it unrestricted.';
}

/** Why a grant is refused, or null. */
export function refusedGrant(
  grant: { granteeId: string; granteeRoles: readonly Role[]; granteeDisabled: boolean; until: string },
  actorId: string,
  today: string,
): string | null {
  if (grant.granteeId === actorId)
    return 'You cannot grant a case to yourself. Ask another appropriate authority or an access manager.';
  if (grant.granteeDisabled)
    return 'That person’s account is disabled, so the case cannot be granted to them.';
  if (!grant.granteeRoles.some((role) => CASE_CONTENT_ROLES.includes(role)))
    return 'That person has no role that reads cases (investigator, appropriate authority, panel member or senior officer), so a grant would give them nothing. Ask an administrator to give them one first.';
  if (grant.until < today) return 'The date the access ends must be today or later.';
  return null;
}

/** A grant is in force from when it is made until the end of its last day, unless revoked. */
export function grantInForce(grant: { until: string; revokedAt: Date | null }, today: string): boolean {
  return grant.revokedAt === null && grant.until >= today;
}
