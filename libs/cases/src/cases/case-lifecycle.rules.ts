import type { Role } from '@precedent/identity';

/** A case's statuses (issue 3's contract), plus the domain's IOPC hold and accelerated referral. */
export const CASE_STATUSES = [
  'received',
  'iopc_referral_hold',
  'assessed',
  'investigating',
  'no_case_to_answer',
  'reflective_practice',
  'referred_to_meeting',
  'referred_to_hearing',
  'referred_to_accelerated_hearing',
  'hearing_scheduled',
  'decided',
  'appeal',
  'closed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type Severity =
  'no_case_to_answer' | 'practice_requiring_improvement' | 'misconduct' | 'gross_misconduct';

/** What the rules look at; the service gathers these from the case. */
export interface CaseFacts {
  severity: Severity | null;
  /** A mandatory IOPC referral criterion is met (docs/domain.md §4.2). */
  iopcReferralRequired: boolean;
  iopcReferralDecided: boolean;
  /** The special conditions for an accelerated hearing are certified (reg 49). */
  specialConditionsCertified: boolean;
  hearingFixed: boolean;
  outcomeRecorded: boolean;
}

export interface Transition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly Role[];
  /** Why the transition cannot be made yet, or null when it can. */
  blockedBy?: (facts: CaseFacts) => string | null;
}

const AA: readonly Role[] = ['appropriate_authority'];
const CASEWORK: readonly Role[] = ['investigator', 'appropriate_authority'];
const OPEN: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed' && s !== 'withdrawn');

const needsSeverity =
  (...allowed: Severity[]) =>
  (facts: CaseFacts): string | null => {
    if (!facts.severity) return 'Record the severity assessment first.';
    if (!allowed.includes(facts.severity)) {
      return `The severity assessment is ${facts.severity.replace(/_/g, ' ')}; this needs ${allowed
        .map((s) => s.replace(/_/g, ' '))
        .join(' or ')}.`;
    }
    return null;
  };

export const TRANSITIONS: readonly Transition[] = [
  {
    from: ['received'],
    to: 'iopc_referral_hold',
    roles: AA,
    blockedBy: (f) => (f.iopcReferralRequired ? null : 'No mandatory IOPC referral criterion is met.'),
  },
  {
    from: ['received', 'iopc_referral_hold'],
    to: 'assessed',
    roles: AA,
    blockedBy: (f) =>
      f.iopcReferralRequired && !f.iopcReferralDecided
        ? 'A mandatory IOPC referral criterion is met: record the referral decision before the assessment.'
        : needsSeverity(
            'no_case_to_answer',
            'practice_requiring_improvement',
            'misconduct',
            'gross_misconduct',
          )(f),
  },
  { from: ['assessed'], to: 'investigating', roles: CASEWORK },
  { from: ['assessed', 'investigating'], to: 'no_case_to_answer', roles: AA },
  {
    from: ['assessed', 'investigating'],
    to: 'reflective_practice',
    roles: AA,
    blockedBy: needsSeverity('practice_requiring_improvement', 'misconduct'),
  },
  { from: ['investigating'], to: 'referred_to_meeting', roles: AA, blockedBy: needsSeverity('misconduct') },
  {
    from: ['investigating'],
    to: 'referred_to_hearing',
    roles: AA,
    blockedBy: needsSeverity('misconduct', 'gross_misconduct'),
  },
  {
    from: ['assessed', 'investigating'],
    to: 'referred_to_accelerated_hearing',
    roles: AA,
    blockedBy: (f) =>
      needsSeverity('gross_misconduct')(f) ??
      (f.specialConditionsCertified
        ? null
        : 'Certify the special conditions for an accelerated hearing first.'),
  },
  {
    from: ['referred_to_meeting', 'referred_to_hearing', 'referred_to_accelerated_hearing'],
    to: 'hearing_scheduled',
    roles: CASEWORK,
    blockedBy: (f) => (f.hearingFixed ? null : 'Fix the date and the panel first.'),
  },
  {
    from: ['hearing_scheduled'],
    to: 'decided',
    roles: ['panel_member', 'appropriate_authority'],
    blockedBy: (f) => (f.outcomeRecorded ? null : 'Record the findings and outcome first.'),
  },
  { from: ['decided'], to: 'appeal', roles: CASEWORK },
  { from: ['decided', 'appeal', 'no_case_to_answer', 'reflective_practice'], to: 'closed', roles: CASEWORK },
  { from: OPEN, to: 'withdrawn', roles: CASEWORK },
];

export type TransitionCheck =
  { allowed: true } | { allowed: false; reason: string; allowedNext: CaseStatus[] };

/** The statuses this person could move the case to now. */
export function allowedNext(from: CaseStatus, roles: readonly Role[], facts: CaseFacts): CaseStatus[] {
  return TRANSITIONS.filter(
    (t) => t.from.includes(from) && t.roles.some((r) => roles.includes(r)) && !t.blockedBy?.(facts),
  ).map((t) => t.to);
}

/** Whether this person may move the case from `from` to `to` now, and if not why, with what they can do. */
export function checkTransition(
  from: CaseStatus,
  to: CaseStatus,
  roles: readonly Role[],
  facts: CaseFacts,
): TransitionCheck {
  const refuse = (reason: string): TransitionCheck => ({
    allowed: false,
    reason,
    allowedNext: allowedNext(from, roles, facts),
  });
  const transition = TRANSITIONS.find((t) => t.from.includes(from) && t.to === to);
  if (!transition) return refuse(`A case cannot go from ${label(from)} to ${label(to)}.`);
  if (!transition.roles.some((r) => roles.includes(r))) {
    const who = transition.roles.map((role) => ROLE_WORDS[role]).join(' or ');
    return refuse(`Only ${who} can move a case to ${label(to)}: the case is on their My work.`);
  }
  const blocked = transition.blockedBy?.(facts);
  return blocked ? refuse(blocked) : { allowed: true };
}

/** Each role as a sentence names it ("… is for the appropriate authority"). */
export const ROLE_WORDS: Record<Role, string> = {
  appropriate_authority: 'the appropriate authority',
  investigator: 'the investigator',
  panel_member: 'the panel',
  senior_officer: 'a senior officer',
  admin: 'an administrator',
  access_manager: 'a PSD access manager',
};

function label(status: CaseStatus): string {
  return `"${status.replace(/_/g, ' ')}"`;
}
