import { afterFailure, DEFAULT_THROTTLE, isLocked, ThrottleState } from './login-throttle.rules';

const now = new Date('2026-11-24T09:00:00Z');

describe('login throttle', () => {
  it('does not slow the first failures', () => {
    const first = afterFailure(null, now, DEFAULT_THROTTLE);
    expect(first.delayMs).toBe(0);
    expect(first.state.failures).toBe(1);
  });

  it('slows answers progressively after the free failures, up to a cap', () => {
    let state: ThrottleState | null = null;
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      const next = afterFailure(state, now, DEFAULT_THROTTLE);
      delays.push(next.delayMs);
      state = next.state;
    }
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 4000]);
  });

  it('locks at the limit for the configured minutes', () => {
    let state: ThrottleState | null = { failures: 9, lockedUntil: null };
    const result = afterFailure(state, now, DEFAULT_THROTTLE);
    expect(result.lockedNow).toBe(true);
    state = result.state;
    expect(isLocked(state, new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(isLocked(state, new Date(now.getTime() + 15 * 60_000 + 1))).toBe(false);
  });

  it('counts again from one once a lock has expired', () => {
    const expired: ThrottleState = { failures: 0, lockedUntil: new Date(now.getTime() - 1) };
    expect(afterFailure(expired, now, DEFAULT_THROTTLE).state.failures).toBe(1);
  });
});
