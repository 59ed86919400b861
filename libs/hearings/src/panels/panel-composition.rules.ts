import type { Forum } from '../outcomes/outcome';
import {
  inspectorateOfficeOf,
  RANK_LEVEL,
  rankOf,
  subjectSeniority,
  type SubjectSeniority,
} from './rank.rules';

/** Roles a panel member can hold (issue 6; docs/domain.md §5). */
export type PanelRole =
  | 'chair'
  | 'legally_qualified_chair'
  | 'legally_qualified_adviser'
  | 'independent_member'
  | 'lay_member'
  | 'police_member';

export type PanelModel =
  | 'legally_qualified_chair'
  | 'chief_officer_chair'
  | 'single_person'
  | 'chief_officer'
  | 'senior_officer_meeting_panel';

/** The day the 2024 reforms changed who sits on misconduct hearings (docs/domain.md §5, §18). */
export const CHIEF_OFFICER_CHAIR_FROM = '2024-05-07';

export interface PanelSeat {
  role: PanelRole;
  /** For police members: the rank, because a superintendent or above was required before 2024. */
  rank?: string;
  /** The pool member and their account: the reg 49 certifier may not chair. */
  panelMemberId?: string;
  userId?: string | null;
  /** The member's force, for the "another force" rules. */
  force?: string | null;
}

/** What else decides who may sit: the subjects' ranks and, for an accelerated hearing, reg 49's facts. */
export interface PanelContext {
  subjects?: readonly { rank: string | null; role: string; force: string }[];
  /** The senior officer who certified the special conditions (reg 49): a user, a pool member, or both. */
  certifiedBy?: { userId?: string | null; panelMemberId?: string | null } | null;
  /** The chief officer of the subject's force is an interested party (accelerated hearings). */
  chiefOfficerInterestedParty?: boolean;
}

export interface PanelBreach {
  rule: string;
  message: string;
}

const SUPERINTENDENT_OR_ABOVE = new Set(['superintendent', 'chief_superintendent', 'chief_officer']);

/**
 * Which panel model applies: the forum, for hearings the hearing date (the transition rule is [U]),
 * and for meetings whether a subject is a senior officer (a panel of 3, docs/domain.md §5).
 */
export function panelModel(
  forum: Forum,
  hearingDate: string,
  seniority: SubjectSeniority = 'not_senior',
): PanelModel {
  if (forum === 'misconduct_meeting') {
    return seniority === 'not_senior' ? 'single_person' : 'senior_officer_meeting_panel';
  }
  if (forum === 'accelerated_hearing') return 'chief_officer';
  return hearingDate < CHIEF_OFFICER_CHAIR_FROM ? 'legally_qualified_chair' : 'chief_officer_chair';
}

/** The seats each model needs, in words a scheduler can fill. */
export const REQUIRED_SEATS: Record<PanelModel, { role: PanelRole; count: number; note: string }[]> = {
  legally_qualified_chair: [
    { role: 'legally_qualified_chair', count: 1, note: 'a legally qualified chair' },
    { role: 'independent_member', count: 1, note: 'an independent member' },
    { role: 'police_member', count: 1, note: 'a police member of superintendent rank or above' },
  ],
  chief_officer_chair: [
    { role: 'chair', count: 1, note: 'the chief officer or a delegate as chair' },
    { role: 'independent_member', count: 1, note: 'a member appointed by the local policing body' },
    { role: 'lay_member', count: 1, note: 'a lay member appointed by the local policing body' },
    { role: 'legally_qualified_adviser', count: 1, note: 'a legally qualified person as adviser' },
  ],
  single_person: [{ role: 'chair', count: 1, note: 'one person appointed by the appropriate authority' }],
  chief_officer: [{ role: 'chair', count: 1, note: 'the chief officer or a delegate' }],
  // the two other seats are any of SENIOR_MEETING_MEMBERS: docs/domain.md §5 gives the size, not the roles
  senior_officer_meeting_panel: [{ role: 'chair', count: 1, note: 'a chair' }],
};

const SENIOR_MEETING_MEMBERS: readonly PanelRole[] = ['independent_member', 'lay_member', 'police_member'];
const SENIOR_MEETING_SIZE = 3;

/** The most senior of the case's subjects, as the panel rules see them. */
export function seniorityOf(subjects: PanelContext['subjects']): SubjectSeniority {
  const order: SubjectSeniority[] = ['not_senior', 'senior_officer', 'chief_officer_tier'];
  return (subjects ?? []).reduce<SubjectSeniority>((top, s) => {
    const level = subjectSeniority(s);
    return order.indexOf(level) > order.indexOf(top) ? level : top;
  }, 'not_senior');
}

/** What is wrong with a proposed panel, each problem naming the rule; empty when it is lawful. */
export function panelProblems(
  forum: Forum,
  hearingDate: string,
  seats: readonly PanelSeat[],
  context: PanelContext = {},
): string[] {
  return panelBreaches(forum, hearingDate, seats, context).map((b) => b.message);
}

/**
 * The same, with each breach's rule as a code. Messages that start "The panel needs" are about an
 * incomplete panel (expected while it is being filled); the others are refused at once.
 */
export function panelBreaches(
  forum: Forum,
  hearingDate: string,
  seats: readonly PanelSeat[],
  context: PanelContext = {},
): PanelBreach[] {
  const seniority = seniorityOf(context.subjects);
  const model = panelModel(forum, hearingDate, seniority);
  const breaches: PanelBreach[] = [];
  for (const need of REQUIRED_SEATS[model]) {
    const filled = seats.filter((s) => s.role === need.role).length;
    if (filled < need.count) breaches.push({ rule: 'panel_model', message: `The panel needs ${need.note}.` });
    if (filled > need.count)
      breaches.push({
        rule: 'panel_model',
        message: `The panel has more than one ${need.role.replace(/_/g, ' ')}.`,
      });
  }
  const allowed = new Set<PanelRole>(REQUIRED_SEATS[model].map((s) => s.role));
  if (model === 'senior_officer_meeting_panel') {
    for (const role of SENIOR_MEETING_MEMBERS) allowed.add(role);
    const others = seats.filter((s) => s.role !== 'chair').length;
    if (others < SENIOR_MEETING_SIZE - 1) {
      breaches.push({
        rule: 'senior_officer_meeting',
        message: `The panel needs ${SENIOR_MEETING_SIZE - 1 - others} more member${SENIOR_MEETING_SIZE - 1 - others === 1 ? '' : 's'}: a misconduct meeting for a senior officer (above chief superintendent) is held by a panel of ${SENIOR_MEETING_SIZE}.`,
      });
    }
    if (seats.length > SENIOR_MEETING_SIZE) {
      breaches.push({
        rule: 'senior_officer_meeting',
        message: `A misconduct meeting for a senior officer is held by a panel of ${SENIOR_MEETING_SIZE}, not ${seats.length}.`,
      });
    }
  }
  for (const seat of seats) {
    if (!allowed.has(seat.role)) {
      breaches.push({
        rule: 'panel_model',
        message: `A ${seat.role.replace(/_/g, ' ')} does not sit on this panel (${model.replace(/_/g, ' ')} model, ${forum.replace(/_/g, ' ')} on ${hearingDate}).`,
      });
    }
  }
  if (model === 'legally_qualified_chair') {
    const police = seats.find((s) => s.role === 'police_member');
    if (police && !SUPERINTENDENT_OR_ABOVE.has(police.rank ?? '') && !isSuperintendentOrAbove(police.rank)) {
      breaches.push({
        rule: 'panel_model',
        message: 'The police member must be of superintendent rank or above.',
      });
    }
  }
  const chair = seats.find((s) => s.role === 'chair');
  if (chair && model === 'chief_officer_chair' && seniority !== 'not_senior') {
    breaches.push(...seniorHearingChair(chair, seniority, context.subjects ?? []));
  }
  if (chair && forum === 'accelerated_hearing') breaches.push(...acceleratedChair(chair, context));
  return breaches;
}

function isSuperintendentOrAbove(rank: string | undefined): boolean {
  const code = rankOf(rank);
  return code !== null && RANK_LEVEL[code] >= RANK_LEVEL.superintendent;
}

/**
 * From 7 May 2024 a senior officer's misconduct hearing is chaired by a more senior officer from
 * another force; a chief officer's, the Deputy Commissioner's or an Assistant Commissioner's by HM
 * Chief Inspector of Constabulary or a nominated HM Inspector (docs/domain.md §5).
 */
function seniorHearingChair(
  chair: PanelSeat,
  seniority: SubjectSeniority,
  subjects: NonNullable<PanelContext['subjects']>,
): PanelBreach[] {
  const senior = subjects.filter((s) => subjectSeniority(s) !== 'not_senior');
  if (seniority === 'chief_officer_tier') {
    if (inspectorateOfficeOf(chair.rank)) return [];
    return [
      {
        rule: 'senior_officer_chair_hmic',
        message:
          'The subject is a chief officer, the Deputy Commissioner or an Assistant Commissioner: the hearing is chaired by HM Chief Inspector of Constabulary or a nominated HM Inspector. Seat a chair whose rank is recorded as hm_chief_inspector_of_constabulary or hm_inspector_of_constabulary.',
      },
    ];
  }
  const breaches: PanelBreach[] = [];
  const chairRank = rankOf(chair.rank);
  const needed = Math.max(...senior.map((s) => RANK_LEVEL[rankOf(s.rank) ?? 'assistant_chief_constable']));
  if (!chairRank || RANK_LEVEL[chairRank] <= needed) {
    breaches.push({
      rule: 'senior_officer_chair',
      message: `The subject is a senior officer (${senior.map((s) => s.rank ?? s.role).join(', ')}): from 7 May 2024 the hearing is chaired by a more senior officer from another force. ${chairRank ? `The chair's rank (${chair.rank}) is not more senior` : "Record the chair's rank"}; seat a more senior officer.`,
    });
  }
  const forces = new Set(senior.map((s) => s.force));
  if (!chair.force) {
    breaches.push({
      rule: 'senior_officer_chair',
      message:
        "The chair of a senior officer's hearing must be from another force: record the chair's force in the panel pool.",
    });
  } else if (forces.has(chair.force)) {
    breaches.push({
      rule: 'senior_officer_chair',
      message: `The chair of a senior officer's hearing must be from another force than the subject's (${chair.force}); seat a chair from another force.`,
    });
  }
  return breaches;
}

const MET = new Set(['metropolitan', 'met', 'metropolitan_police', 'metropolitan-police']);

/**
 * reg 49: the chair of an accelerated hearing (chief officer or delegate) is not the senior officer
 * who certified the special conditions; where the chief officer is an interested party the chair is
 * another force's chief officer or a Metropolitan Police Assistant Commissioner (docs/domain.md §5).
 */
function acceleratedChair(chair: PanelSeat, context: PanelContext): PanelBreach[] {
  const breaches: PanelBreach[] = [];
  const certified = context.certifiedBy;
  if (
    certified &&
    ((certified.panelMemberId && certified.panelMemberId === chair.panelMemberId) ||
      (certified.userId && certified.userId === chair.userId))
  ) {
    breaches.push({
      rule: 'reg_49_certifier_chair',
      message:
        'The senior officer who certified the special conditions (reg 49) cannot chair the accelerated hearing; seat the chief officer or another delegate.',
    });
  }
  if (context.chiefOfficerInterestedParty) {
    const homeForces = new Set((context.subjects ?? []).map((s) => s.force));
    const rank = rankOf(chair.rank);
    const force = chair.force?.toLowerCase() ?? null;
    const metAssistantCommissioner = rank === 'assistant_commissioner' && force !== null && MET.has(force);
    const otherChiefOfficer =
      (rank === 'chief_constable' || rank === 'commissioner') && force !== null && !homeForces.has(force);
    if (!metAssistantCommissioner && !otherChiefOfficer) {
      breaches.push({
        rule: 'chief_officer_interested_party',
        message:
          "The chief officer is an interested party, so the accelerated hearing is chaired by another force's chief officer or a Metropolitan Police Assistant Commissioner; record the chair's rank and force, or seat one who is.",
      });
    }
  }
  return breaches;
}

/** Misconduct meetings are private (reg 39(2)); hearings public (reg 39(1)); accelerated hearings assumed public [U]. */
export function sitsInPublic(forum: Forum): boolean {
  return forum !== 'misconduct_meeting';
}
