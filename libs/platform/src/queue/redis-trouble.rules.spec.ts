import { REDIS_TROUBLE_QUIET_MS, troubleLevel } from './redis-trouble.rules';

describe('Redis connection trouble', () => {
  it('warns about the first error', () => {
    expect(troubleLevel(null, 1_000)).toBe('warn');
  });

  it('keeps the errors that follow within the quiet period at debug', () => {
    expect(troubleLevel(1_000, 1_000)).toBe('debug');
    expect(troubleLevel(1_000, 1_000 + REDIS_TROUBLE_QUIET_MS - 1)).toBe('debug');
  });

  it('warns again once the quiet period has passed, so a long outage is not forgotten', () => {
    expect(troubleLevel(1_000, 1_000 + REDIS_TROUBLE_QUIET_MS)).toBe('warn');
    expect(troubleLevel(0, 5_000, 2_000)).toBe('warn');
  });
});
