/**
 * grantInForce (case-access-change.rules) as SQL on the case_grants table under `alias`: not revoked,
 * and its last day not before `today`, the parameter named by `todayParameter` (`:today` or `$2`).
 * Today is the application's (its Clock, in Europe/London), never the database's now(): the rules
 * and the SQL must agree on the day, also when the two clocks differ (a test clock, clock skew).
 */
export const GRANT_IN_FORCE_SQL = (alias: string, todayParameter: string): string =>
  `${alias}.revoked_at IS NULL AND ${alias}.until >= ${todayParameter}::date`;
