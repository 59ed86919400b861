import { decisionProblems, DecisionRecord, DecisionContext } from './decision-record.rules';

const complete: DecisionRecord = {
  culpability: 'high',
  harm: 'medium',
  aggravating: ['discriminatory_motive'],
  mitigating: ['early_admission'],
  purposes: ['public_confidence'],
  outcomeRationale: 'A written warning would not address discriminatory language shared with colleagues.',
  reasons: 'The panel found the comments discriminatory and seen by a group of twelve.',
};
const context: DecisionContext = {
  outcome: 'final_written_warning',
  offDutySpeech: false,
  outsideComparableBand: false,
};
const rules = (record: Partial<DecisionRecord>, ctx: Partial<DecisionContext> = {}) =>
  decisionProblems({ ...complete, ...record }, { ...context, ...ctx }).map((p) => p.field);

describe('the decision record', () => {
  it('accepts a decision with every stage', () => {
    expect(rules({})).toEqual([]);
  });

  it('asks for exceptional circumstances for less than dismissal on gross misconduct decided from 28 May 2025', () => {
    const gm = { finding: 'gross_misconduct' as const };
    expect(rules({}, { ...gm, decidedOn: '2025-05-27' })).toEqual([]);
    expect(rules({}, { ...gm, decidedOn: '2025-05-28' })).toEqual(['exceptionalCircumstances']);
    expect(
      rules(
        { exceptionalCircumstances: 'The officer reported the group and gave evidence against its members.' },
        { ...gm, decidedOn: '2025-05-28' },
      ),
    ).toEqual([]);
    expect(rules({}, { ...gm, decidedOn: '2025-05-28', outcome: 'dismissal_without_notice' })).toEqual([]);
  });

  it('requires seriousness, purpose and why this outcome before a sanction', () => {
    expect(
      rules({ culpability: undefined, harm: undefined, purposes: [], outcomeRationale: 'short' }),
    ).toEqual(['culpability', 'harm', 'purposes', 'outcomeRationale']);
  });

  it('needs no sanction reasoning for no further action, but still reasons', () => {
    expect(
      rules(
        { culpability: undefined, purposes: [], outcomeRationale: '', reasons: '' },
        { outcome: 'no_further_action' },
      ),
    ).toEqual(['reasons']);
  });

  it('asks for the weight given to personal mitigation when it was raised', () => {
    expect(rules({ mitigating: ['good_record'] })).toEqual(['personalMitigationWeight']);
    expect(
      rules({ mitigating: ['good_record'], personalMitigationWeight: 'Limited weight (Salter).' }),
    ).toEqual([]);
  });

  it('requires the Article 10 balancing for off-duty speech', () => {
    expect(rules({}, { offDutySpeech: true })).toEqual(['article10']);
    expect(
      rules(
        { article10: { engaged: true, legitimateAim: 'protection of the reputation of others' } },
        { offDutySpeech: true },
      ),
    ).toEqual(['article10.prescribedByLaw', 'article10.necessityAndProportionality']);
  });

  it('requires a structured reason to depart from the comparables band', () => {
    expect(rules({}, { outsideComparableBand: true })).toEqual(['departureFactors', 'departureExplanation']);
    expect(
      rules(
        {},
        {
          outsideComparableBand: true,
          departureFactors: ['vulnerable_victim'],
          departureExplanation: 'Targeted a vulnerable person.',
        },
      ),
    ).toEqual([]);
  });
});
