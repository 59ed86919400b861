/** Factor codes Precedent stores and exchanges (domain.md §19): the College of Policing guidance's factors. */
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
export type Level = 'low' | 'medium' | 'high';
export const LEVELS: readonly Level[] = ['low', 'medium', 'high'];

/** The three purposes of a sanction (Home Office Guidance 2020 para 4.26). */
export const SANCTION_PURPOSES = ['public_confidence', 'high_standards', 'protect_public'] as const;
export type SanctionPurpose = (typeof SANCTION_PURPOSES)[number];
