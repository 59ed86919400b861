import type { Outcome } from '@precedent/exchange';

// The outcome scale and the regimes are the exchange format's: one scale system-wide.
export {
  OUTCOME_STEPS,
  OUTCOMES,
  type Outcome,
  type Regime,
  type Forum,
  type Finding,
} from '@precedent/exchange';

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
