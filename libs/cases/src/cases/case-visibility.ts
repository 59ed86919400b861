import { CASE_CONTENT_ROLES, type Principal } from '@precedent/identity';
import { GRANT_IN_FORCE_SQL } from '../access/grant-in-force';

/**
 * The access policy (libs/identity case-access.rules) as a SQL condition on the cases table under
 * `alias`, so lists and links hold only cases the person may open. Parameters are named for a query builder.
 * `today` is the application's day (`Clock.today()`), on which grants are in force or expired.
 */
export function visibleCasesWhere(
  alias: string,
  by: Principal,
  today: string,
): [string, Record<string, unknown>] {
  const clauses: string[] = [];
  if (by.roles.includes('investigator')) {
    clauses.push(`${alias}.assigned_investigator_id = :me`);
    if (by.team) clauses.push(`(${alias}.team = :team AND NOT ${alias}.restricted)`);
  }
  if (by.roles.includes('appropriate_authority')) clauses.push(`NOT ${alias}.restricted`);
  // A panel member sees the cases of the hearings they sit on.
  if (by.roles.includes('panel_member')) {
    clauses.push(`${alias}.id IN (SELECT h.case_id FROM hearing_seats s JOIN hearings h ON h.id = s.hearing_id
      JOIN panel_members m ON m.id = s.panel_member_id WHERE m.user_id = :me)`);
  }
  // cases granted to them, while the grant is in force (grant-in-force, as the rules' grantInForce)
  if (by.roles.some((role) => CASE_CONTENT_ROLES.includes(role))) {
    clauses.push(
      `${alias}.id IN (SELECT g.case_id FROM case_grants g WHERE g.user_id = :me AND ${GRANT_IN_FORCE_SQL('g', ':today')})`,
    );
  }
  return [clauses.length ? `(${clauses.join(' OR ')})` : 'false', { me: by.userId, team: by.team, today }];
}
