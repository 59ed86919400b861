import type { Forum } from '../outcomes/outcome';

/** Roles a panel member can hold (issue 6; domain.md §5). */
export type PanelRole =
  | 'chair'
  | 'legally_qualified_chair'
  | 'legally_qualified_adviser'
  | 'independent_member'
  | 'lay_member'
  | 'police_member';

export type PanelModel =
  'legally_qualified_chair' | 'chief_officer_chair' | 'single_person' | 'chief_officer';

/** The day the 2024 reforms changed who sits on misconduct hearings (domain.md §5, §18). */
export const CHIEF_OFFICER_CHAIR_FROM = '2024-05-07';

export interface PanelSeat {
  role: PanelRole;
  /** For police members: the rank, because a superintendent or above was required before 2024. */
  rank?: string;
}

const SUPERINTENDENT_OR_ABOVE = new Set(['superintendent', 'chief_superintendent', 'chief_officer']);

/** Which panel model applies: the forum, and for hearings the hearing date (the transition rule is [U]). */
export function panelModel(forum: Forum, hearingDate: string): PanelModel {
  if (forum === 'misconduct_meeting') return 'single_person';
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
};

/** What is wrong with a proposed panel, each problem naming the rule; empty when it is lawful. */
export function panelProblems(forum: Forum, hearingDate: string, seats: readonly PanelSeat[]): string[] {
  const model = panelModel(forum, hearingDate);
  const problems: string[] = [];
  for (const need of REQUIRED_SEATS[model]) {
    const filled = seats.filter((s) => s.role === need.role).length;
    if (filled < need.count) problems.push(`The panel needs ${need.note}.`);
    if (filled > need.count) problems.push(`The panel has more than one ${need.role.replace(/_/g, ' ')}.`);
  }
  const allowed = new Set(REQUIRED_SEATS[model].map((s) => s.role));
  for (const seat of seats) {
    if (!allowed.has(seat.role)) {
      problems.push(
        `A ${seat.role.replace(/_/g, ' ')} does not sit on this panel (${model.replace(/_/g, ' ')} model, ${forum.replace(/_/g, ' ')} on ${hearingDate}).`,
      );
    }
  }
  if (model === 'legally_qualified_chair') {
    const police = seats.find((s) => s.role === 'police_member');
    if (police && !SUPERINTENDENT_OR_ABOVE.has(police.rank ?? '')) {
      problems.push('The police member must be of superintendent rank or above.');
    }
  }
  return problems;
}

/** Misconduct meetings are private (reg 39(2)); hearings public (reg 39(1)); accelerated hearings assumed public [U]. */
export function sitsInPublic(forum: Forum): boolean {
  return forum !== 'misconduct_meeting';
}
