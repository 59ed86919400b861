import type { Principal } from '../auth/principal';
import { CASE_CONTENT_ROLES } from '../users/role';

/** What decides who may open a case. The cases lib gathers these; hearings add the panel. */
export interface CaseAccessFacts {
  assignedInvestigatorId: string | null;
  team: string | null;
  /** Users sitting on a panel for this case. */
  panelMemberIds: readonly string[];
  /** Users given access explicitly (a senior officer, a second investigator), grants in force only. */
  grantedUserIds: readonly string[];
  /** Sensitive cases (a senior officer as subject, a covert source): only named people see them. */
  restricted: boolean;
}

export type CaseAccessReason =
  'assigned_investigator' | 'investigation_team' | 'appropriate_authority' | 'panel_member' | 'granted';

/**
 * Why this person may open this case, or null when they may not. An administrator manages users
 * and data but reads no case content unless also given a case role.
 *
 * - an investigator: the cases assigned to them, or to their team unless restricted;
 * - the appropriate authority: every case that is not restricted (they assess severity and decide
 *   the forum for the force);
 * - a panel member: the cases whose panel they sit on;
 * - anyone with a role that reads cases, including a senior officer: the cases granted to them (a
 *   grant never makes an administrator or access manager a reader on that role alone).
 */
export function caseAccessReason(principal: Principal, facts: CaseAccessFacts): CaseAccessReason | null {
  const roles = principal.roles;
  if (roles.includes('investigator')) {
    if (facts.assignedInvestigatorId === principal.userId) return 'assigned_investigator';
    if (!facts.restricted && principal.team !== null && facts.team === principal.team)
      return 'investigation_team';
  }
  if (
    facts.grantedUserIds.includes(principal.userId) &&
    roles.some((role) => CASE_CONTENT_ROLES.includes(role))
  )
    return 'granted';
  if (roles.includes('panel_member') && facts.panelMemberIds.includes(principal.userId))
    return 'panel_member';
  if (roles.includes('appropriate_authority') && !facts.restricted) return 'appropriate_authority';
  return null;
}

export function canOpenCase(principal: Principal, facts: CaseAccessFacts): boolean {
  return caseAccessReason(principal, facts) !== null;
}
