/**
 * The precedent exchange format's enumerations (docs/precedent-exchange-format.md): cases use
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
