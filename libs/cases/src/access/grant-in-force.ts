/**
 * grantInForce (case-access-change.rules) as SQL on the case_grants table under `alias`: not revoked,
 * and its last day not yet past in Europe/London, where the force works.
 */
export const GRANT_IN_FORCE_SQL = (alias: string): string =>
  `${alias}.revoked_at IS NULL AND ${alias}.until >= (now() AT TIME ZONE 'Europe/London')::date`;
