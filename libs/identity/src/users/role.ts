/** The roles a user may hold; a user holds one or more. */
export const ROLES = [
  'admin',
  'investigator',
  'appropriate_authority',
  'panel_member',
  'senior_officer',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
