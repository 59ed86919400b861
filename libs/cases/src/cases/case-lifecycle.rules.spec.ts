import { allowedNext, CaseFacts, checkTransition } from './case-lifecycle.rules';

const none: CaseFacts = {
  severity: null,
  iopcReferralRequired: false,
  iopcReferralDecided: false,
  specialConditionsCertified: false,
  hearingFixed: false,
  outcomeRecorded: false,
};

describe('case lifecycle', () => {
  it('takes a case from report to referral to a hearing', () => {
    const facts: CaseFacts = { ...none, severity: 'gross_misconduct' };
    expect(checkTransition('received', 'assessed', ['appropriate_authority'], facts)).toEqual({
      allowed: true,
    });
    expect(checkTransition('assessed', 'investigating', ['investigator'], facts)).toEqual({ allowed: true });
    expect(checkTransition('investigating', 'referred_to_hearing', ['appropriate_authority'], facts)).toEqual(
      {
        allowed: true,
      },
    );
    expect(
      checkTransition('referred_to_hearing', 'hearing_scheduled', ['investigator'], {
        ...facts,
        hearingFixed: true,
      }),
    ).toEqual({ allowed: true });
  });

  it('requires a severity assessment before assessment and referral', () => {
    const answer = checkTransition('received', 'assessed', ['appropriate_authority'], none);
    expect(answer).toMatchObject({ allowed: false, reason: 'Record the severity assessment first.' });
  });

  it('sends misconduct to a meeting, not gross misconduct', () => {
    const answer = checkTransition('investigating', 'referred_to_meeting', ['appropriate_authority'], {
      ...none,
      severity: 'gross_misconduct',
    });
    expect(answer).toMatchObject({ allowed: false, reason: expect.stringMatching(/needs misconduct/) });
  });

  it('holds a case that meets an IOPC referral criterion until the referral decision is recorded', () => {
    const facts: CaseFacts = { ...none, severity: 'gross_misconduct', iopcReferralRequired: true };
    expect(checkTransition('received', 'assessed', ['appropriate_authority'], facts)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/IOPC/),
    });
    expect(
      checkTransition('received', 'assessed', ['appropriate_authority'], {
        ...facts,
        iopcReferralDecided: true,
      }),
    ).toEqual({ allowed: true });
  });

  it('refuses a role that may not make the move, listing what the person can do', () => {
    const answer = checkTransition('investigating', 'referred_to_hearing', ['investigator'], {
      ...none,
      severity: 'misconduct',
    });
    expect(answer).toEqual({
      allowed: false,
      reason:
        'Only the appropriate authority can move a case to "referred to hearing": the case is on their My work.',
      allowedNext: ['withdrawn'],
    });
  });

  it('refuses an impossible move with the allowed next states', () => {
    const answer = checkTransition('received', 'decided', ['appropriate_authority'], {
      ...none,
      severity: 'misconduct',
    });
    expect(answer).toEqual({
      allowed: false,
      reason: 'A case cannot go from "received" to "decided".',
      allowedNext: ['assessed', 'withdrawn'],
    });
  });

  it('lets an open case be withdrawn, never a closed one', () => {
    expect(checkTransition('investigating', 'withdrawn', ['investigator'], none)).toEqual({ allowed: true });
    expect(checkTransition('closed', 'withdrawn', ['investigator'], none)).toMatchObject({ allowed: false });
    expect(allowedNext('closed', ['appropriate_authority'], none)).toEqual([]);
  });

  it('needs certified special conditions for an accelerated hearing', () => {
    const facts: CaseFacts = { ...none, severity: 'gross_misconduct' };
    expect(
      checkTransition('investigating', 'referred_to_accelerated_hearing', ['appropriate_authority'], facts),
    ).toMatchObject({
      allowed: false,
      reason: 'Certify the special conditions for an accelerated hearing first.',
    });
  });
});
