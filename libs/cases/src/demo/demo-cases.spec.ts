import {
  AUDIENCES,
  CATEGORIES,
  PLATFORMS,
  STANDARDS,
  SUBJECT_ROLES,
  TARGETS,
} from '../conduct/exchange-values';
import { CASE_STATUSES, checkTransition, type CaseFacts } from '../cases/case-lifecycle.rules';
import { demoCases } from './demo-cases';

describe('demo cases', () => {
  const cases = demoCases(300, { seed: 'precedent-demo', today: '2026-06-01' });

  it('covers every status, the same way for the same seed', () => {
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
    expect(demoCases(300, { seed: 'precedent-demo', today: '2026-06-01' })).toEqual(cases);
  });

  it('reaches each status along transitions the lifecycle allows, in date order, received in the past', () => {
    for (const c of cases) {
      const facts: CaseFacts = {
        severity: c.severity,
        iopcReferralRequired: c.status === 'iopc_referral_hold',
        iopcReferralDecided: c.status !== 'iopc_referral_hold',
        specialConditionsCertified: true,
        hearingFixed: true,
        outcomeRecorded: true,
      };
      let from = 'received' as (typeof CASE_STATUSES)[number];
      let on = c.receivedAt;
      for (const step of c.path) {
        expect([
          c.status,
          from,
          step.to,
          checkTransition(from, step.to, ['appropriate_authority'], facts),
        ]).toEqual([c.status, from, step.to, { allowed: true }]);
        expect(step.on >= on).toBe(true);
        from = step.to;
        on = step.on;
      }
      expect(from).toBe(c.status);
      expect(c.receivedAt <= '2026-06-01' && c.cameToAttentionOn <= c.receivedAt).toBe(true);
    }
  });

  it("uses the exchange format's values", () => {
    for (const c of cases) {
      for (const s of c.subjects) expect(SUBJECT_ROLES).toContain(s.role);
      for (const a of c.allegations) for (const s of a.standards) expect(STANDARDS).toContain(s);
      for (const i of c.conductItems) {
        expect(PLATFORMS).toContain(i.platform);
        expect(AUDIENCES).toContain(i.audience);
        for (const cat of i.categories) expect(CATEGORIES).toContain(cat);
        for (const t of i.targets) expect(TARGETS).toContain(t);
      }
    }
  });
});
