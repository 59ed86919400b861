/**
 * Outcomes on the ordered scale of the precedent exchange format (docs/precedent-exchange-format.md):
 * the step is the severity used in statistics. `would_have_been_dismissed` counts as dismissal.
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

export type Regime = 'pcr2012' | 'pcr2020';
export type Forum = 'misconduct_meeting' | 'misconduct_hearing' | 'accelerated_hearing';
export type Finding = 'gross_misconduct' | 'misconduct' | 'practice_requiring_improvement' | 'not_proven';

/** Officers are under the Conduct Regulations; police staff and PCSOs under the staff handbook (§11). */
export type SubjectKind = 'officer' | 'police_staff';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  no_further_action: 'no further action',
  reflective_practice: 'referral to reflective practice',
  management_advice: 'management advice',
  written_warning: 'written warning',
  final_written_warning: 'final written warning',
  reduction_in_rank: 'reduction in rank',
  dismissal_with_notice: 'dismissal with notice',
  dismissal_without_notice: 'dismissal without notice',
  would_have_been_dismissed: 'would have been dismissed',
};
