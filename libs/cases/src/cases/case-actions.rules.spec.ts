import {
  casePermissions,
  forumForReferral,
  needsArticle10Balancing,
  type CaseActionFacts,
} from './case-actions.rules';

const facts = (over: Partial<CaseActionFacts> = {}): CaseActionFacts => ({
  status: 'received',
  severity: null,
  iopcReferralRequired: false,
  iopcReferralDecided: false,
  specialConditionsCertified: false,
  hearingFixed: false,
  outcomeRecorded: false,
  sentForAssessment: false,
  ...over,
});

describe('what each role may do with a case now', () => {
  it('has the investigator send a new case for assessment, not withdraw it, and says the authority assesses next', () => {
    const may = casePermissions(facts(), ['investigator']);
    expect(may.sendForAssessment).toBe(true);
    expect(may.transitions).toEqual([]);
    expect(may.assess).toBe(false);
    expect(may.editContents).toBe(true);
    expect(may.waitingOn.join(' ')).toMatch(/appropriate authority assesses the case next.*send it to them/);
  });

  it('once sent, says the case is on the authority’s My work and offers no second send', () => {
    const may = casePermissions(facts({ sentForAssessment: true }), ['investigator']);
    expect(may.sendForAssessment).toBe(false);
    expect(may.waitingOn).toEqual([
      'The appropriate authority assesses the case next and records the IOPC referral decision: it is on their My work.',
    ]);
  });

  it('lets the authority assess, record the IOPC decision, and move an assessed case on', () => {
    const received = casePermissions(facts({ iopcReferralRequired: true }), ['appropriate_authority']);
    expect(received.assess).toBe(true);
    expect(received.recordIopcDecision).toBe(true);
    expect(received.sendForAssessment).toBe(false);
    const investigating = casePermissions(facts({ status: 'investigating', severity: 'gross_misconduct' }), [
      'appropriate_authority',
    ]);
    expect(investigating.transitions).toEqual(
      expect.arrayContaining(['referred_to_hearing', 'no_case_to_answer', 'withdrawn']),
    );
  });

  it('tells the investigator who refers an investigated case, in words', () => {
    const may = casePermissions(facts({ status: 'investigating', severity: 'misconduct' }), ['investigator']);
    expect(may.transitions).toEqual(['withdrawn']);
    expect(may.waitingOn[0]).toBe(
      'Only the appropriate authority can move the case to no case to answer or reflective practice or referred to meeting or referred to hearing or referred to accelerated hearing: it is on their My work.',
    );
  });

  it('offers nothing on a closed case', () => {
    const may = casePermissions(facts({ status: 'closed' }), ['investigator', 'appropriate_authority']);
    expect(may).toEqual({
      transitions: [],
      sendForAssessment: false,
      assess: false,
      recordIopcDecision: false,
      editContents: false,
      waitingOn: [],
    });
  });
});

describe('the forum a referral calls for', () => {
  it('follows the referral', () => {
    expect(forumForReferral('referred_to_meeting')).toBe('misconduct_meeting');
    expect(forumForReferral('referred_to_hearing')).toBe('misconduct_hearing');
    expect(forumForReferral('investigating')).toBeNull();
  });
});

describe('the Article 10 balancing', () => {
  it('is needed when any conduct was off duty', () => {
    expect(needsArticle10Balancing([{ offDuty: false }, { offDuty: true }])).toBe(true);
    expect(needsArticle10Balancing([{ offDuty: null }])).toBe(false);
  });
});
