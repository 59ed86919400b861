/** The roles a user may hold; a user holds one or more. */
export const ROLES = [
  'admin',
  'investigator',
  'appropriate_authority',
  'panel_member',
  'senior_officer',
  // PSD's access manager: decides who may open a case (restriction, team, investigator, grants)
  // without reading its contents
  'access_manager',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles through which a person can read case content (by assignment, team, panel seat, the
 * appropriate authority's remit or an explicit grant). An administrator or access manager reads none.
 */
export const CASE_CONTENT_ROLES: readonly Role[] = [
  'investigator',
  'appropriate_authority',
  'panel_member',
  'senior_officer',
];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
