import { OUTCOME_LABELS, type Finding, type Forum, type Outcome } from '../outcomes/outcome';
import type { NoticeKind } from './notice-plan.rules';
import type { Recipient } from './notice-delivery.entity';

/** What a notice's emails may say: the case reference, the forum, the date, time and place. No conduct, no names but the addressee's. */
export interface NoticeMailFacts {
  kind: NoticeKind;
  caseReference: string;
  forum: Forum;
  date: string | null;
  startsAt: string | null;
  venue: string | null;
  remoteLink: string | null;
  /** The officer's reg 31 response is due by this day (referral notice). */
  responseDueBy?: string | null;
  /** The officer's own outcome (outcome notice). */
  outcome?: OutcomeMailFacts | null;
}

/** What an outcome email tells the officer: the finding, the outcome, and where and by when to appeal. */
export interface OutcomeMailFacts {
  finding: Finding;
  outcome: Outcome;
  /** The last day to give notice of appeal. */
  appealBy: string;
  appealTo: 'internal_appeal' | 'police_appeals_tribunal';
}

const FINDING_WORDS: Record<Finding, string> = {
  gross_misconduct: 'gross misconduct was proven',
  misconduct: 'misconduct was proven',
  practice_requiring_improvement: 'practice requiring improvement was found',
  not_proven: 'the allegations were not proven',
};

export interface PlannedMail {
  recipient: Recipient;
  subject: string;
  body: string;
  /** Send the hearing's calendar invitation with it. */
  withCalendar: boolean;
}

const FORUM_WORDS: Record<Forum, string> = {
  misconduct_meeting: 'misconduct meeting',
  misconduct_hearing: 'misconduct hearing',
  accelerated_hearing: 'accelerated misconduct hearing',
};

function where(f: NoticeMailFacts): string {
  const time = f.startsAt ? ` at ${f.startsAt}` : '';
  const place = f.venue ? ` at ${f.venue}` : '';
  const link = f.remoteLink ? `\nTo join remotely: ${f.remoteLink}` : '';
  return `${f.date ?? 'a date to be fixed'}${time}${place}.${link}`;
}

const FOOTER =
  '\n\nThis email is a formal notice. If anything in it is wrong, or you cannot attend, reply to the Professional Standards Department straight away.\n';

/**
 * The emails a notice sends, in plain English, carrying only what each person needs. Notices that
 * go to nobody by email (public notices, the chair's report reminder) send none.
 */
export function noticeMails(f: NoticeMailFacts): PlannedMail[] {
  const forum = FORUM_WORDS[f.forum];
  switch (f.kind) {
    case 'officer_notice':
      return [
        {
          recipient: 'officer',
          subject: `Case ${f.caseReference}: you have been referred to a ${forum}`,
          body:
            `Dear officer,\n\nThe appropriate authority has referred case ${f.caseReference} to a ${forum}. ` +
            `The documents have been supplied to you.` +
            (f.responseDueBy ? ` Your written response is due by ${f.responseDueBy}.` : '') +
            `\n\nYou may be advised by a police friend or a lawyer.` +
            FOOTER,
          withCalendar: false,
        },
      ];
    case 'hearing_date_to_officer':
      return [
        {
          recipient: 'officer',
          subject: `Case ${f.caseReference}: your ${forum} is on ${f.date}`,
          body:
            `Dear officer,\n\nYour ${forum} for case ${f.caseReference} will be held on ${where(f)}\n\n` +
            'A calendar invitation is attached. You may bring a police friend or a lawyer.' +
            FOOTER,
          withCalendar: true,
        },
        {
          recipient: 'panel_member',
          subject: `Case ${f.caseReference}: you are sitting on a ${forum} on ${f.date}`,
          body:
            `Hello,\n\nYou have been seated on the ${forum} for case ${f.caseReference}, on ${where(f)}\n\n` +
            'A calendar invitation is attached. The hearing bundle is in Precedent.' +
            FOOTER,
          withCalendar: true,
        },
      ];
    case 'panel_reminder':
      return [
        {
          recipient: 'panel_member',
          subject: `Reminder: ${forum} for case ${f.caseReference} on ${f.date}`,
          body:
            `Hello,\n\nA reminder that you are sitting on the ${forum} for case ${f.caseReference}, on ${where(f)}` +
            FOOTER,
          withCalendar: true,
        },
      ];
    case 'outcome_to_officer':
      if (!f.outcome) return [];
      return [
        {
          recipient: 'officer',
          subject: `Case ${f.caseReference}: the outcome of your ${forum}`,
          body:
            `Dear officer,\n\nAt your ${forum} for case ${f.caseReference}, ${FINDING_WORDS[f.outcome.finding]}. ` +
            `The outcome is: ${OUTCOME_LABELS[f.outcome.outcome]}.\n\n` +
            `You may appeal ${f.outcome.appealTo === 'internal_appeal' ? 'to an internal appeal' : 'to the Police Appeals Tribunal'}. ` +
            `Notice of appeal must be given by ${f.outcome.appealBy}.` +
            FOOTER,
          withCalendar: false,
        },
      ];
    default:
      return [];
  }
}
