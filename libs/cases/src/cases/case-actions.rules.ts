import type { Role } from '@precedent/identity';
import {
  allowedNext,
  ROLE_WORDS,
  TRANSITIONS,
  type CaseFacts,
  type CaseStatus,
} from './case-lifecycle.rules';

/** The statuses from which the appropriate authority assesses a case. */
const BEFORE_ASSESSMENT: readonly CaseStatus[] = ['received', 'iopc_referral_hold'];
/** The statuses in which the severity assessment may be recorded or changed. */
const ASSESSABLE: readonly CaseStatus[] = ['received', 'iopc_referral_hold', 'assessed', 'investigating'];
const FINISHED: readonly CaseStatus[] = ['closed', 'withdrawn'];

/** While the case is open, its subjects, allegations and conduct items may be added, corrected and removed. */
export function contentsEditable(status: CaseStatus): boolean {
  return !FINISHED.includes(status);
}
/** A referral names the forum the meeting or hearing is held in. */
export const REFERRAL_FORUMS = {
  referred_to_meeting: 'misconduct_meeting',
  referred_to_hearing: 'misconduct_hearing',
  referred_to_accelerated_hearing: 'accelerated_hearing',
} as const;
export type ReferralStatus = keyof typeof REFERRAL_FORUMS;
export type ReferralForum = (typeof REFERRAL_FORUMS)[ReferralStatus];

/** The forum a case's referral calls for, or null when the case is not referred to one. */
export function forumForReferral(status: CaseStatus): ReferralForum | null {
  return (REFERRAL_FORUMS as Record<string, ReferralForum | undefined>)[status] ?? null;
}

export interface CaseActionFacts extends CaseFacts {
  status: CaseStatus;
  sentForAssessment: boolean;
  /** Some conduct on the case was off duty: the assessment needs the Article 10 balancing. */
  offDutySpeech?: boolean;
}

/** What a person may do with a case now, and what others do next, in words for the page. */
export interface CasePermissions {
  /** Statuses this person may move the case to now. */
  transitions: CaseStatus[];
  /** An investigator hands a newly recorded case to the appropriate authority. */
  sendForAssessment: boolean;
  assess: boolean;
  recordIopcDecision: boolean;
  /** Subjects, allegations and conduct items may be added, corrected and removed. */
  editContents: boolean;
  /** Sentences saying who makes the changes this person cannot, and where the case goes for it. */
  waitingOn: string[];
}

function who(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_WORDS[role]).join(' or ');
}

function statusWords(status: CaseStatus): string {
  return status.replace(/_/g, ' ');
}

/**
 * Which actions each role can take on the case now: the page offers exactly these, and says in a
 * sentence who makes any other change that is open from here (and that the case is on their My work).
 */
export function casePermissions(facts: CaseActionFacts, roles: readonly Role[]): CasePermissions {
  const has = (...wanted: Role[]) => wanted.some((role) => roles.includes(role));
  const open = !FINISHED.includes(facts.status);
  const aa = has('appropriate_authority');
  const transitions = allowedNext(facts.status, roles, facts).filter(
    // withdrawing is offered as its own choice, not as the next step of a new case
    (to) => to !== 'withdrawn' || !BEFORE_ASSESSMENT.includes(facts.status) || aa,
  );
  const sendForAssessment =
    open &&
    has('investigator') &&
    !aa &&
    BEFORE_ASSESSMENT.includes(facts.status) &&
    !facts.sentForAssessment;
  const waitingOn: string[] = [];
  if (!aa && BEFORE_ASSESSMENT.includes(facts.status)) {
    waitingOn.push(
      facts.sentForAssessment
        ? 'The appropriate authority assesses the case next and records the IOPC referral decision: it is on their My work.'
        : 'The appropriate authority assesses the case next. When the subjects, allegations and conduct items are in, send it to them for assessment: it then appears on their My work.',
    );
  } else if (open) {
    const others = TRANSITIONS.filter(
      (t) =>
        t.from.includes(facts.status) &&
        !t.roles.some((role) => roles.includes(role)) &&
        t.to !== 'withdrawn',
    );
    const byWho = new Map<string, CaseStatus[]>();
    for (const t of others) byWho.set(who(t.roles), [...(byWho.get(who(t.roles)) ?? []), t.to]);
    for (const [person, to] of byWho) {
      const sentence = `Only ${person} can move the case to ${to.map(statusWords).join(' or ')}: it is on their My work.`;
      waitingOn.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
    }
  }
  return {
    transitions,
    sendForAssessment,
    assess: aa && ASSESSABLE.includes(facts.status),
    recordIopcDecision: aa && open && facts.iopcReferralRequired && !facts.iopcReferralDecided,
    editContents: contentsEditable(facts.status) && has('investigator', 'appropriate_authority'),
    waitingOn,
  };
}

/** Whether the assessment must carry the Article 10 balancing: it relies on off-duty speech. */
export function needsArticle10Balancing(conduct: readonly { offDuty: boolean | null }[]): boolean {
  return conduct.some((item) => item.offDuty === true);
}
