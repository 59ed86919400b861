import { checkOutcome, OutcomeQuestion } from './outcome-validity.rules';

const base: OutcomeQuestion = {
  subjectKind: 'officer',
  regime: 'pcr2020',
  forum: 'misconduct_hearing',
  finding: 'misconduct',
  outcome: 'written_warning',
  formerOfficer: false,
  finalWrittenWarningLive: false,
  multipleUnconnectedIncidents: false,
};

const ruleOf = (q: Partial<OutcomeQuestion>) => {
  const answer = checkOutcome({ ...base, ...q });
  return answer.allowed ? 'allowed' : answer.rule;
};

describe('outcome validity (reg 42)', () => {
  it('lets a meeting give up to a final written warning, never dismissal or reduction in rank', () => {
    expect(ruleOf({ forum: 'misconduct_meeting', outcome: 'final_written_warning' })).toBe('allowed');
    expect(ruleOf({ forum: 'misconduct_meeting', outcome: 'dismissal_without_notice' })).toBe(
      'meeting_powers',
    );
    expect(ruleOf({ forum: 'misconduct_meeting', outcome: 'reduction_in_rank' })).toBe('meeting_powers');
  });

  it('allows dismissal for misconduct at a hearing only with a live FWW or unconnected incidents', () => {
    expect(ruleOf({ outcome: 'dismissal_without_notice' })).toBe('misconduct_escalation');
    expect(ruleOf({ outcome: 'reduction_in_rank' })).toBe('misconduct_escalation');
    expect(ruleOf({ outcome: 'dismissal_without_notice', finalWrittenWarningLive: true })).toBe('allowed');
    expect(ruleOf({ outcome: 'reduction_in_rank', multipleUnconnectedIncidents: true })).toBe('allowed');
  });

  it('allows dismissal on gross misconduct, but not a written warning', () => {
    expect(ruleOf({ finding: 'gross_misconduct', outcome: 'dismissal_without_notice' })).toBe('allowed');
    expect(ruleOf({ finding: 'gross_misconduct', outcome: 'written_warning' })).toBe(
      'gross_misconduct_minimum',
    );
    expect(
      ruleOf({ forum: 'accelerated_hearing', finding: 'gross_misconduct', outcome: 'written_warning' }),
    ).toBe('gross_misconduct_minimum');
    expect(
      ruleOf({ forum: 'accelerated_hearing', finding: 'misconduct', outcome: 'final_written_warning' }),
    ).toBe('accelerated_finding');
  });

  it('gives no sanction on a not-proven finding', () => {
    expect(ruleOf({ finding: 'not_proven', outcome: 'written_warning' })).toBe('not_proven_no_sanction');
    expect(ruleOf({ finding: 'not_proven', outcome: 'no_further_action' })).toBe('allowed');
  });

  it('knows which outcomes each regime had', () => {
    expect(ruleOf({ regime: 'pcr2012', outcome: 'reduction_in_rank', finding: 'gross_misconduct' })).toBe(
      'regime_outcomes',
    );
    expect(ruleOf({ regime: 'pcr2020', outcome: 'management_advice' })).toBe('regime_outcomes');
    expect(ruleOf({ regime: 'pcr2020', finding: 'gross_misconduct', outcome: 'dismissal_with_notice' })).toBe(
      'regime_outcomes',
    );
    expect(ruleOf({ regime: 'pcr2012', finding: 'gross_misconduct', outcome: 'dismissal_with_notice' })).toBe(
      'allowed',
    );
  });

  it('gives a former officer only "would have been dismissed", and only for gross misconduct', () => {
    expect(
      ruleOf({ formerOfficer: true, finding: 'gross_misconduct', outcome: 'would_have_been_dismissed' }),
    ).toBe('allowed');
    expect(
      ruleOf({ formerOfficer: true, finding: 'gross_misconduct', outcome: 'final_written_warning' }),
    ).toBe('former_officer_outcomes');
    expect(ruleOf({ formerOfficer: true, finding: 'misconduct', outcome: 'would_have_been_dismissed' })).toBe(
      'former_officer_dismissal',
    );
    expect(ruleOf({ finding: 'gross_misconduct', outcome: 'would_have_been_dismissed' })).toBe(
      'serving_officer',
    );
  });

  it('validates police staff against the staff handbook, not reg 42', () => {
    expect(
      ruleOf({ subjectKind: 'police_staff', forum: 'misconduct_meeting', outcome: 'dismissal_with_notice' }),
    ).toBe('allowed');
    expect(ruleOf({ subjectKind: 'police_staff', outcome: 'reduction_in_rank' })).toBe('staff_outcomes');
  });

  it('says what to do in its message', () => {
    const answer = checkOutcome({ ...base, outcome: 'dismissal_without_notice' });
    expect(answer.allowed).toBe(false);
    if (!answer.allowed) expect(answer.message).toMatch(/only if a final written warning was live/);
  });
});
