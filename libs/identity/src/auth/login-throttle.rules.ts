/** How repeated failed sign-ins are slowed and then locked. Pure, so the policy is tested directly. */
export interface ThrottlePolicy {
  /** Failures allowed before answers are slowed. */
  freeFailures: number;
  /** Failures at which the username is locked. */
  lockAfter: number;
  lockMinutes: number;
  /** Delay added to the answer for the first slowed failure; doubles after each, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  lockAfter: 10,
  lockMinutes: 15,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
};

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure, and how long to hold the answer. */
export function afterFailure(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy,
): { state: ThrottleState; delayMs: number; lockedNow: boolean } {
  // a lock that has run out starts the count again
  const previous = state && !(state.lockedUntil && state.lockedUntil <= now) ? state.failures : 0;
  const failures = previous + 1;
  const lockedNow = failures >= policy.lockAfter;
  const lockedUntil = lockedNow ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  const over = failures - policy.freeFailures;
  const delayMs = over > 0 ? Math.min(policy.baseDelayMs * 2 ** (over - 1), policy.maxDelayMs) : 0;
  return { state: { failures: lockedNow ? 0 : failures, lockedUntil }, delayMs, lockedNow };
}
