import { WorkingDayCalendar } from '@precedent/platform';
import {
  amendmentSetOn,
  chiefOfficerMayAppeal,
  clearanceWithdrawalConsequence,
  deemedServiceOn,
  DEFAULT_CHIEF_OFFICER_APPEALS,
  dismissalPresumed,
  formerOfficerHearingRoute,
  indictableOnlyConvictionProblem,
  inForce,
  listReferralFor,
  presumptionOfDismissalProblem,
  useOfForceTest,
  vettingReferralAvailable,
} from './amendments.rules';

const REASONS = 'The officer was under extreme duress from a documented threat to their family at the time.';

describe('amendment sets', () => {
  it('names the latest amendment in force on each side of every date', () => {
    expect(amendmentSetOn('2024-05-06')).toBe('none');
    expect(amendmentSetOn('2024-05-07')).toBe('panel_2024');
    expect(amendmentSetOn('2025-05-13')).toBe('panel_2024');
    expect(amendmentSetOn('2025-05-14')).toBe('vetting_2025');
    expect(amendmentSetOn('2025-05-27')).toBe('vetting_2025');
    expect(amendmentSetOn('2025-05-28')).toBe('conduct_2025');
    expect(amendmentSetOn('2026-06-29')).toBe('conduct_2025');
    expect(amendmentSetOn('2026-06-30')).toBe('use_of_force_2026');
  });

  it('refuses an amendment it does not know', () => {
    expect(() => inForce('nonsense' as never, '2025-06-01')).toThrow(/Unknown amendment/);
  });
});

describe('28 May 2025: indictable-only convictions are gross misconduct', () => {
  it('lets a lower severity stand the day before', () => {
    expect(indictableOnlyConvictionProblem('misconduct', true, '2025-05-27')).toBeNull();
  });
  it('refuses a lower severity from the day', () => {
    expect(indictableOnlyConvictionProblem('misconduct', true, '2025-05-28')).toMatch(
      /assess it as gross misconduct/,
    );
    expect(indictableOnlyConvictionProblem('gross_misconduct', true, '2025-05-28')).toBeNull();
    expect(indictableOnlyConvictionProblem('misconduct', false, '2025-05-28')).toBeNull();
  });
});

describe('28 May 2025: former officers presumed to an accelerated hearing', () => {
  it('goes to an ordinary hearing when referred the day before', () => {
    expect(formerOfficerHearingRoute('2025-05-27', true, 'gross_misconduct')).toEqual({
      route: 'misconduct_hearing',
      presumed: false,
    });
  });
  it('goes to an accelerated hearing from the day, unless the authority records why not', () => {
    expect(formerOfficerHearingRoute('2025-05-28', true, 'gross_misconduct')).toEqual({
      route: 'accelerated_hearing',
      presumed: true,
    });
    expect(
      formerOfficerHearingRoute('2025-05-28', true, 'gross_misconduct', 'Witnesses must be heard live.'),
    ).toEqual({
      route: 'misconduct_hearing',
      presumed: false,
      reason: 'Witnesses must be heard live.',
    });
    expect(formerOfficerHearingRoute('2025-05-28', true, 'gross_misconduct', '   ').route).toBe(
      'accelerated_hearing',
    );
  });
  it('leaves serving officers and misconduct cases alone', () => {
    expect(formerOfficerHearingRoute('2025-06-01', false, 'gross_misconduct').route).toBe(
      'misconduct_hearing',
    );
    expect(formerOfficerHearingRoute('2025-06-01', true, 'misconduct').route).toBe('misconduct_hearing');
  });
});

describe('28 May 2025: presumption of dismissal on gross misconduct', () => {
  const fww = { finding: 'gross_misconduct', outcome: 'final_written_warning' };
  it('does not ask for exceptional circumstances for a finding decided the day before', () => {
    expect(presumptionOfDismissalProblem({ ...fww, decidedOn: '2025-05-27' })).toBeNull();
    expect(dismissalPresumed('gross_misconduct', '2025-05-27')).toBe(false);
  });
  it('refuses a lesser outcome from the day without them, and takes it with them', () => {
    expect(dismissalPresumed('gross_misconduct', '2025-05-28')).toBe(true);
    expect(presumptionOfDismissalProblem({ ...fww, decidedOn: '2025-05-28' })).toMatch(
      /exceptional circumstances/,
    );
    expect(
      presumptionOfDismissalProblem({ ...fww, decidedOn: '2025-05-28', exceptionalCircumstances: 'Duress.' }),
    ).toMatch(/Say more/);
    expect(
      presumptionOfDismissalProblem({ ...fww, decidedOn: '2025-05-28', exceptionalCircumstances: REASONS }),
    ).toBeNull();
  });
  it('asks nothing of a dismissal, or of misconduct', () => {
    expect(
      presumptionOfDismissalProblem({
        finding: 'gross_misconduct',
        outcome: 'dismissal_without_notice',
        decidedOn: '2025-06-01',
      }),
    ).toBeNull();
    expect(
      presumptionOfDismissalProblem({
        finding: 'misconduct',
        outcome: 'written_warning',
        decidedOn: '2025-06-01',
      }),
    ).toBeNull();
  });
});

describe('28 May 2025: referral to vetting at the severity assessment', () => {
  it('is available from the day, not before', () => {
    expect(vettingReferralAvailable('2025-05-27')).toBe(false);
    expect(vettingReferralAvailable('2025-05-28')).toBe(true);
  });
});

describe('14 May 2025: vetting clearance withdrawn', () => {
  it('is not under the 2025 Vetting Regulations the day before', () => {
    expect(clearanceWithdrawalConsequence('2025-05-13', 'dismissed').consequence).toBe(
      'not_under_2025_regulations',
    );
  });
  it('leads to dismissal without notice from the day, once the appeal fails or none is lodged', () => {
    expect(clearanceWithdrawalConsequence('2025-05-14', 'dismissed').consequence).toBe(
      'dismissal_without_notice',
    );
    expect(clearanceWithdrawalConsequence('2025-05-14', 'none_lodged').consequence).toBe(
      'dismissal_without_notice',
    );
    expect(clearanceWithdrawalConsequence('2025-05-14', 'pending').consequence).toBe('awaiting_appeal');
    expect(clearanceWithdrawalConsequence('2025-05-14', 'upheld').consequence).toBe('clearance_restored');
  });
});

describe('30 June 2026: the use-of-force test', () => {
  it('is the Standards test for conduct the day before, and the criminal-law test from the day', () => {
    expect(useOfForceTest('2026-06-29')).toBe('reasonable_in_the_circumstances');
    expect(useOfForceTest('2026-06-30')).toBe('criminal_law_honest_belief');
    expect(useOfForceTest(null)).toBeNull();
  });
});

describe('chief-officer appeals to the Police Appeals Tribunal', () => {
  it('are off by default', () => {
    expect(DEFAULT_CHIEF_OFFICER_APPEALS.enabled).toBe(false);
    expect(chiefOfficerMayAppeal(DEFAULT_CHIEF_OFFICER_APPEALS, '2026-12-01')).toBe(false);
  });
  it('apply from the configured day when switched on', () => {
    const on = { enabled: true, from: '2026-09-01', workingDays: 10 };
    expect(chiefOfficerMayAppeal(on, '2026-08-31')).toBe(false);
    expect(chiefOfficerMayAppeal(on, '2026-09-01')).toBe(true);
  });
});

describe('barred and advisory lists', () => {
  it('refers dismissals and "would have been dismissed" to the barred list', () => {
    expect(listReferralFor('dismissal_without_notice', false, 'gross_misconduct')).toBe('barred_list');
    expect(listReferralFor('would_have_been_dismissed', true, 'gross_misconduct')).toBe('barred_list');
  });
  it('refers those who left under investigation, not found "would have been dismissed", to the advisory list', () => {
    expect(listReferralFor('no_further_action', true, 'misconduct')).toBe('advisory_list');
    expect(listReferralFor('no_further_action', true, 'not_proven')).toBeNull();
    expect(listReferralFor('final_written_warning', false, 'gross_misconduct')).toBeNull();
  });
});

describe('28 May 2025: deemed service of an email notice', () => {
  const calendar = new WorkingDayCalendar();
  it('is not a way of serving a notice the day before', () => {
    expect(deemedServiceOn('2025-05-27', '10:00', calendar)).toBeNull();
  });
  it('is the same working day before 4.30pm, otherwise the next working day', () => {
    // Wednesday 28 May 2025
    expect(deemedServiceOn('2025-05-28', '16:29', calendar)).toBe('2025-05-28');
    expect(deemedServiceOn('2025-05-28', '16:30', calendar)).toBe('2025-05-29');
    // Friday 30 May 2025 after the cut-off, and a Saturday: Monday 2 June
    expect(deemedServiceOn('2025-05-30', '17:00', calendar)).toBe('2025-06-02');
    expect(deemedServiceOn('2025-05-31', '09:00', calendar)).toBe('2025-06-02');
    // Christmas Day 2025 (a Thursday bank holiday), then Boxing Day: Monday 29 December
    expect(deemedServiceOn('2025-12-25', '09:00', calendar)).toBe('2025-12-29');
  });
});
