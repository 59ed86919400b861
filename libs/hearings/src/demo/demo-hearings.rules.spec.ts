import { demoForum, demoHearingPlan } from './demo-hearings.rules';

const days = [
  '2026-12-03',
  '2026-12-04',
  '2026-12-07',
  '2026-12-08',
  '2026-12-09',
  '2026-12-10',
  '2026-12-11',
];

describe('demo hearings', () => {
  it('fixes the first hearing coming up today, chaired by the demo panel member, and spreads the others', () => {
    const kase = { status: 'hearing_scheduled', path: [{ to: 'referred_to_hearing', on: '2026-11-01' }] };
    expect(demoHearingPlan(kase, 0, days)).toEqual({
      kind: 'upcoming',
      forum: 'misconduct_hearing',
      scheduledOn: '2026-12-03',
      chairedByDemoPanel: true,
    });
    expect(demoHearingPlan(kase, 1, days)).toMatchObject({
      scheduledOn: '2026-12-08',
      chairedByDemoPanel: false,
    });
    expect(demoHearingPlan(kase, 9, days)).toMatchObject({ scheduledOn: '2026-12-11' });
  });

  it('gives a decided case a hearing on the day it was decided, with a finding and an outcome', () => {
    const kase = {
      status: 'decided',
      path: [
        { to: 'referred_to_hearing', on: '2026-10-01' },
        { to: 'decided', on: '2026-12-01' },
      ],
    };
    expect(demoHearingPlan(kase, 1, days)).toEqual({
      kind: 'concluded',
      forum: 'misconduct_hearing',
      scheduledOn: '2026-12-01',
      finding: 'gross_misconduct',
      outcome: 'dismissal_without_notice',
      appealLodgedOn: null,
    });
  });

  it('lodges the appeal of an appealed case on the day it went to appeal, after a meeting', () => {
    const kase = {
      status: 'appeal',
      path: [
        { to: 'referred_to_meeting', on: '2026-09-01' },
        { to: 'decided', on: '2026-10-01' },
        { to: 'appeal', on: '2026-10-06' },
      ],
    };
    expect(demoHearingPlan(kase, 0, days)).toMatchObject({
      forum: 'misconduct_meeting',
      finding: 'misconduct',
      outcome: 'management_advice',
      appealLodgedOn: '2026-10-06',
    });
  });

  it('plans nothing for a case before its referral', () => {
    expect(demoHearingPlan({ status: 'investigating', path: [] }, 0, days)).toBeNull();
    expect(demoForum([{ to: 'referred_to_accelerated_hearing' }])).toBe('accelerated_hearing');
  });
});
