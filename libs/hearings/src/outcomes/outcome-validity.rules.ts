import { Finding, Forum, Outcome, OUTCOME_LABELS, Regime, SubjectKind } from './outcome';

/** The facts that decide whether an outcome is within a forum's powers (docs/domain.md §6, §11, §15, §18). */
export interface OutcomeQuestion {
  subjectKind: SubjectKind;
  regime: Regime;
  forum: Forum;
  finding: Finding;
  outcome: Outcome;
  /** Left the service before the outcome: only "would have been dismissed" or no action. */
  formerOfficer: boolean;
  /** A final written warning was live on the date of the severity assessment (reg 42(5)). */
  finalWrittenWarningLive: boolean;
  /** The finding rests on more than one incident, not closely connected (reg 42(6)). */
  multipleUnconnectedIncidents: boolean;
}

export type OutcomeAnswer = { allowed: true } | { allowed: false; rule: string; message: string };

const ALLOWED: OutcomeAnswer = { allowed: true };

function refuse(rule: string, message: string): OutcomeAnswer {
  return { allowed: false, rule, message };
}

/** Outcomes that existed under each set of Conduct Regulations (§15). */
const REGIME_OUTCOMES: Record<Regime, readonly Outcome[]> = {
  pcr2012: [
    'no_further_action',
    'management_advice',
    'written_warning',
    'final_written_warning',
    'dismissal_with_notice',
    'dismissal_without_notice',
    'would_have_been_dismissed',
  ],
  pcr2020: [
    'no_further_action',
    'reflective_practice',
    'written_warning',
    'final_written_warning',
    'reduction_in_rank',
    'dismissal_without_notice',
    'would_have_been_dismissed',
  ],
};

/** Police staff (PSC handbook, §11): the typical staff outcomes; reg 42 does not apply to them. */
const STAFF_OUTCOMES: readonly Outcome[] = [
  'no_further_action',
  'reflective_practice',
  'written_warning',
  'final_written_warning',
  'dismissal_with_notice',
  'dismissal_without_notice',
];

const DISMISSALS: readonly Outcome[] = [
  'dismissal_with_notice',
  'dismissal_without_notice',
  'would_have_been_dismissed',
];

/**
 * Whether an outcome may be given, and if not, the rule it breaks in words a panel can act on.
 * Officers: reg 42 of the 2020 Regulations (and the 2012 outcome set for cases under that regime).
 */
export function checkOutcome(q: OutcomeQuestion): OutcomeAnswer {
  const label = OUTCOME_LABELS[q.outcome];
  if (q.finding === 'not_proven') {
    return q.outcome === 'no_further_action'
      ? ALLOWED
      : refuse(
          'not_proven_no_sanction',
          `The allegation was not proven, so no sanction can follow: record no further action, not ${label}.`,
        );
  }
  if (q.subjectKind === 'police_staff') {
    return STAFF_OUTCOMES.includes(q.outcome)
      ? ALLOWED
      : refuse(
          'staff_outcomes',
          `Police staff are not under the Conduct Regulations; ${label} is not a staff outcome. Staff outcomes are: ${STAFF_OUTCOMES.map((o) => OUTCOME_LABELS[o]).join(', ')}.`,
        );
  }
  if (!REGIME_OUTCOMES[q.regime].includes(q.outcome)) {
    return refuse(
      'regime_outcomes',
      `${capitalise(label)} did not exist under the ${q.regime === 'pcr2012' ? '2012' : '2020'} Conduct Regulations that apply to this case.`,
    );
  }
  if (q.formerOfficer) {
    if (q.outcome === 'would_have_been_dismissed' || q.outcome === 'no_further_action') {
      return q.outcome === 'would_have_been_dismissed' && q.finding !== 'gross_misconduct'
        ? refuse(
            'former_officer_dismissal',
            'A former officer can be found to have been dismissed only on a finding of gross misconduct.',
          )
        : ALLOWED;
    }
    return refuse(
      'former_officer_outcomes',
      `A former officer cannot be given ${label}: the only outcomes are "would have been dismissed" or no further action.`,
    );
  }
  if (q.outcome === 'would_have_been_dismissed') {
    return refuse(
      'serving_officer',
      '"Would have been dismissed" applies only to former officers; this officer is still serving.',
    );
  }
  if (q.finding === 'practice_requiring_improvement') {
    return q.outcome === 'reflective_practice' ||
      q.outcome === 'management_advice' ||
      q.outcome === 'no_further_action'
      ? ALLOWED
      : refuse(
          'practice_requiring_improvement',
          `Practice requiring improvement is not misconduct: ${label} is a disciplinary sanction and cannot follow it.`,
        );
  }
  switch (q.forum) {
    case 'misconduct_meeting':
      if (q.outcome === 'reduction_in_rank' || DISMISSALS.includes(q.outcome)) {
        return refuse(
          'meeting_powers',
          `A misconduct meeting cannot impose ${label}; the most it can give is a final written warning.`,
        );
      }
      if (q.finding === 'gross_misconduct') {
        return refuse('meeting_finding', 'Gross misconduct is decided at a hearing, not a meeting.');
      }
      return ALLOWED;
    case 'misconduct_hearing':
      if (q.finding === 'gross_misconduct') return grossMisconductMinimum(q.outcome);
      if (
        (q.outcome === 'reduction_in_rank' || DISMISSALS.includes(q.outcome)) &&
        !q.finalWrittenWarningLive &&
        !q.multipleUnconnectedIncidents
      ) {
        return refuse(
          'misconduct_escalation',
          `For misconduct (not gross misconduct), ${label} is possible only if a final written warning was live at the severity assessment, or the finding rests on more than one incident not closely connected (reg 42(5)-(6)).`,
        );
      }
      return ALLOWED;
    case 'accelerated_hearing':
      return q.finding === 'gross_misconduct'
        ? grossMisconductMinimum(q.outcome)
        : refuse('accelerated_finding', 'An accelerated hearing deals only with gross misconduct.');
  }
}

/**
 * On gross misconduct a written warning (or less, bar reflective practice, which §6 lists as
 * available at a hearing) is below what the Regulations allow.
 */
function grossMisconductMinimum(outcome: Outcome): OutcomeAnswer {
  const tooLow: readonly Outcome[] = ['no_further_action', 'management_advice', 'written_warning'];
  return tooLow.includes(outcome)
    ? refuse(
        'gross_misconduct_minimum',
        `On a finding of gross misconduct the outcome cannot be ${OUTCOME_LABELS[outcome]}: choose a final written warning or more (or reflective practice).`,
      )
    : ALLOWED;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
