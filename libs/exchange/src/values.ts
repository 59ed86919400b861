/**
 * The precedent exchange format's enumerations (docs/exchange-format.md): cases use
 * exactly these, because they are the features the analytics compare.
 */
export const PLATFORMS = [
  'facebook',
  'twitter',
  'instagram',
  'whatsapp',
  'snapchat',
  'tiktok',
  'telegram',
  'other',
] as const;
/** Ordered from widest to narrowest reach. */
export const AUDIENCES = ['public', 'followers', 'private_group', 'direct_message'] as const;
export const CATEGORIES = [
  'discriminatory',
  'abusive_or_offensive',
  'violent_or_threatening',
  'sexual',
  'mocking_victims_or_public',
  'disclosure_of_police_information',
  'political_or_partisan',
  'extremist',
  'other',
] as const;
/** Protected characteristics (Equality Act 2010). */
export const TARGETS = [
  'age',
  'disability',
  'gender_reassignment',
  'marriage_civil_partnership',
  'pregnancy_maternity',
  'race',
  'religion_belief',
  'sex',
  'sexual_orientation',
] as const;
export const PARTICIPATION = ['author', 'shared', 'reacted', 'failed_to_challenge'] as const;
export const STANDARDS = [
  'honesty_and_integrity',
  'authority_respect_and_courtesy',
  'equality_and_diversity',
  'use_of_force',
  'orders_and_instructions',
  'duties_and_responsibilities',
  'confidentiality',
  'fitness_for_work',
  'discreditable_conduct',
  'challenging_and_reporting_improper_conduct',
] as const;
export const SUBJECT_ROLES = [
  'constable',
  'sergeant',
  'inspector',
  'chief_inspector',
  'superintendent',
  'chief_officer',
  'special_constable',
  'pcso',
  'police_staff',
] as const;

export type Platform = (typeof PLATFORMS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type Category = (typeof CATEGORIES)[number];
export type Target = (typeof TARGETS)[number];
export type Participation = (typeof PARTICIPATION)[number];
export type Standard = (typeof STANDARDS)[number];
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

export const FORUMS = ['misconduct_meeting', 'misconduct_hearing', 'accelerated_hearing'] as const;
export const FINDINGS = [
  'gross_misconduct',
  'misconduct',
  'practice_requiring_improvement',
  'not_proven',
] as const;
export const REGIMES = ['pcr2012', 'pcr2020'] as const;
export const LEVELS = ['low', 'medium', 'high'] as const;

export type Forum = (typeof FORUMS)[number];
export type Finding = (typeof FINDINGS)[number];
export type Regime = (typeof REGIMES)[number];
export type Level = (typeof LEVELS)[number];

/**
 * The ordered outcome scale: the step is the severity used in statistics.
 * `would_have_been_dismissed` (former officers) counts as dismissal.
 */
export const OUTCOME_STEPS = {
  no_further_action: 0,
  reflective_practice: 1,
  management_advice: 2,
  written_warning: 3,
  final_written_warning: 4,
  reduction_in_rank: 5,
  dismissal_with_notice: 6,
  dismissal_without_notice: 6,
  would_have_been_dismissed: 6,
} as const;
export type Outcome = keyof typeof OUTCOME_STEPS;
export const OUTCOMES = Object.keys(OUTCOME_STEPS) as Outcome[];
export const MAX_STEP = 6;
/** Each step of the scale in words (step 6 covers the three dismissal outcomes). */
export const STEP_LABELS: readonly string[] = [
  'no further action',
  'reflective practice',
  'management advice',
  'written warning',
  'final written warning',
  'reduction in rank',
  'dismissal',
];

/** Outcomes that did not exist under one of the regimes (docs/domain.md §6 and §15). */
export const OUTCOMES_ONLY_UNDER: Partial<Record<Outcome, Regime>> = {
  management_advice: 'pcr2012',
  dismissal_with_notice: 'pcr2012',
  reflective_practice: 'pcr2020',
  reduction_in_rank: 'pcr2020',
};
/** Outcomes only a hearing may give. */
export const HEARING_ONLY_OUTCOMES: readonly Outcome[] = [
  'reduction_in_rank',
  'dismissal_with_notice',
  'dismissal_without_notice',
  'would_have_been_dismissed',
];
/** The 2020 Regulations apply to matters that came to attention on or after 1 February 2020 (docs/domain.md §1, §18). */
export const PCR2020_FROM = '2020-02-01';

export function regimeFor(isoDate: string): Regime {
  return isoDate < PCR2020_FROM ? 'pcr2012' : 'pcr2020';
}

/** Factor codes (docs/domain.md §19): the College of Policing guidance's factors. */
export const AGGRAVATING_FACTORS = [
  'discriminatory_motive',
  'vulnerable_victim',
  'misogyny_or_vawg',
  'abuse_of_position',
  'premeditation',
  'repeated_or_sustained',
  'concealment',
  'senior_rank_leadership',
  'multiple_victims',
  'under_influence',
  'significant_public_impact',
  'police_information_or_images',
  'lack_of_insight',
] as const;
export const CONDUCT_MITIGATING_FACTORS = [
  'early_admission',
  'genuine_remorse',
  'isolated_incident',
  'error_of_judgement',
  'acting_under_direction',
  'remedial_steps',
  'limited_audience',
] as const;
/** Personal mitigation carries limited weight (Salter, Williams): kept apart from conduct mitigation. */
export const PERSONAL_MITIGATING_FACTORS = ['good_record', 'personal_circumstances'] as const;
export const MITIGATING_FACTORS = [...CONDUCT_MITIGATING_FACTORS, ...PERSONAL_MITIGATING_FACTORS] as const;
export type AggravatingFactor = (typeof AGGRAVATING_FACTORS)[number];
export type MitigatingFactor = (typeof MITIGATING_FACTORS)[number];

/**
 * The stages at which an outcome is recommended or decided, in order: Precedent's extension of
 * format version 1 (an optional `stages` list), used to measure how outcomes drift between stages.
 */
export const STAGES = ['investigator', 'appropriate_authority', 'panel', 'appeal'] as const;
export type Stage = (typeof STAGES)[number];
