import { casePeriod, periodsOverlap, sameSubjectReason, similarConductReason } from './duplicate.rules';

describe('possible duplicates', () => {
  it('spans a case from its earliest conduct to when it was received', () => {
    expect(
      casePeriod({
        receivedAt: '2026-03-10',
        cameToAttentionOn: '2026-03-08',
        earliestPostedOn: '2026-01-05',
      }),
    ).toEqual({ from: '2026-01-05', to: '2026-03-10' });
    expect(
      casePeriod({ receivedAt: '2026-03-10', cameToAttentionOn: '2026-03-10', earliestPostedOn: null }),
    ).toEqual({ from: '2026-03-10', to: '2026-03-10' });
  });

  it('counts periods as overlapping within 30 days either side, and not beyond', () => {
    const a = { from: '2026-01-05', to: '2026-03-10' };
    expect(periodsOverlap(a, { from: '2026-02-01', to: '2026-02-01' })).toBe(true);
    expect(periodsOverlap(a, { from: '2026-04-09', to: '2026-05-01' })).toBe(true);
    expect(periodsOverlap(a, { from: '2026-04-10', to: '2026-05-01' })).toBe(false);
    expect(periodsOverlap(a, { from: '2025-11-01', to: '2025-12-06' })).toBe(true);
    expect(periodsOverlap(a, { from: '2025-11-01', to: '2025-12-05' })).toBe(false);
    expect(periodsOverlap(a, { from: '2026-04-10', to: '2026-05-01' }, 0)).toBe(false);
    expect(periodsOverlap({ from: '2026-04-10', to: '2026-05-01' }, a)).toBe(false);
  });

  it('says why in words a reviewer can check', () => {
    expect(
      sameSubjectReason(
        { staffNumber: '4821', force: 'testshire' },
        { from: '2026-01-05', to: '2026-03-10' },
      ),
    ).toBe(
      'The same subject (staff number 4821, testshire) is in this case, covering 2026-01-05 to 2026-03-10.',
    );
    expect(similarConductReason(0.874)).toBe("A conduct item's text is 87% similar to one in this case.");
  });
});
