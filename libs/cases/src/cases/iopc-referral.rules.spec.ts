import { checkTransition } from './case-lifecycle.rules';
import { iopcCriteriaMet, ReferralFacts } from './iopc-referral.rules';

const nothing: ReferralFacts = { declared: [], conductItems: [], allegations: [] };

describe('IOPC mandatory referral criteria', () => {
  it('finds none in a case with nothing discriminatory', () => {
    expect(
      iopcCriteriaMet({
        ...nothing,
        conductItems: [{ categories: ['disclosure_of_police_information'], targets: [] }],
        allegations: [{ standards: ['confidentiality'] }],
      }),
    ).toEqual([]);
  });

  it('matches conduct aggravated by discrimination, saying which item and why', () => {
    expect(
      iopcCriteriaMet({
        ...nothing,
        conductItems: [
          { categories: ['abusive_or_offensive'], targets: [] },
          { categories: ['discriminatory'], targets: ['race', 'religion_belief'] },
          { categories: ['mocking_victims_or_public'], targets: ['disability'] },
        ],
      }),
    ).toEqual([
      {
        criterion: 'discrimination_aggravated',
        reason: 'Conduct item 2 is categorised as discriminatory targeting race, religion belief.',
        source: 'conduct_item',
      },
      {
        criterion: 'discrimination_aggravated',
        reason:
          'Conduct item 3 is mocking victims or public targeting disability: behaviour aggravated by discrimination.',
        source: 'conduct_item',
      },
    ]);
  });

  it('matches an allegation of a breach of equality and diversity, and keeps declared criteria with their reasons', () => {
    expect(
      iopcCriteriaMet({
        declared: [{ criterion: 'serious_sexual_offence', reason: 'Images shared without consent.' }],
        conductItems: [],
        allegations: [{ standards: ['discreditable_conduct', 'equality_and_diversity'] }],
      }),
    ).toEqual([
      { criterion: 'serious_sexual_offence', reason: 'Images shared without consent.', source: 'declared' },
      {
        criterion: 'discrimination_aggravated',
        reason: 'Allegation 1 alleges a breach of the Standard on equality and diversity.',
        source: 'allegation',
      },
    ]);
  });

  it('holds the assessment until the referral decision is recorded', () => {
    const facts = {
      severity: 'gross_misconduct' as const,
      iopcReferralRequired:
        iopcCriteriaMet({ ...nothing, conductItems: [{ categories: ['discriminatory'], targets: [] }] })
          .length > 0,
      iopcReferralDecided: false,
      specialConditionsCertified: false,
      hearingFixed: false,
      outcomeRecorded: false,
    };
    expect(checkTransition('received', 'assessed', ['appropriate_authority'], facts)).toMatchObject({
      allowed: false,
      allowedNext: ['iopc_referral_hold', 'withdrawn'],
    });
    expect(
      checkTransition('received', 'assessed', ['appropriate_authority'], {
        ...facts,
        iopcReferralDecided: true,
      }),
    ).toEqual({ allowed: true });
  });
});
