import { isStalled, STALLED_AFTER_MS } from './job-health.rules';

describe('a running job whose worker has gone', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('is stalled once its heartbeat is older than the limit, and only while it is said to run', () => {
    expect(
      isStalled(
        { status: 'running', heartbeatAt: ago(STALLED_AFTER_MS + 1), startedAt: ago(60_000_000) },
        now,
      ),
    ).toBe(true);
    expect(
      isStalled(
        { status: 'running', heartbeatAt: ago(STALLED_AFTER_MS - 1), startedAt: ago(60_000_000) },
        now,
      ),
    ).toBe(false);
    expect(
      isStalled({ status: 'succeeded', heartbeatAt: ago(60_000_000), startedAt: ago(60_000_000) }, now),
    ).toBe(false);
    expect(isStalled({ status: 'queued', heartbeatAt: null, startedAt: null }, now)).toBe(false);
  });

  it('counts from the start when no heartbeat was ever written', () => {
    expect(
      isStalled({ status: 'running', heartbeatAt: null, startedAt: ago(STALLED_AFTER_MS + 1) }, now),
    ).toBe(true);
    expect(isStalled({ status: 'running', heartbeatAt: null, startedAt: ago(1_000) }, now)).toBe(false);
  });
});
