import type { Forum } from '../outcomes/outcome';
import { DEFAULT_DURATION_MINUTES } from '../panels/sitting-time.rules';
import type { PanelBreach } from '../panels/panel-composition.rules';
import type { HearingStatus } from './hearing.entity';

/** The facts about a hearing that decide which step may be taken next. */
export interface HearingState {
  forum: Forum;
  status: HearingStatus;
  scheduledOn: string | null;
  chairDate: string | null;
  preHearingChairDate: string | null;
}

/** The steps of arranging a meeting or hearing, each refused in some states. */
export type HearingStep =
  | 'propose_date'
  | 'fix_date'
  | 'adjourn'
  | 'seat_member'
  | 'officer_alternative'
  | 'set_pre_hearing'
  | 'pre_hearing_alternative'
  | 'special_conditions'
  | 'calendar';

const CONCLUDED = 'The hearing has concluded.';

/**
 * Why a step cannot be taken in the hearing's present state, in words for the person who asked, or
 * null when it can. Each service method asks before it changes anything.
 */
export function stepRefusal(step: HearingStep, h: HearingState): string | null {
  const dated = h.status === 'date_proposed' || h.status === 'fixed';
  switch (step) {
    case 'propose_date':
      return h.status === 'fixed' || h.status === 'concluded'
        ? `The date is ${h.status}; adjourn the hearing to propose another.`
        : null;
    case 'fix_date':
      return h.status === 'fixed' || h.status === 'concluded' ? `The date is already ${h.status}.` : null;
    case 'adjourn':
      return dated ? null : 'Only a hearing with a proposed or fixed date can be adjourned.';
    case 'seat_member':
      if (h.status === 'concluded') return CONCLUDED;
      return h.scheduledOn
        ? null
        : 'Propose a date first: who sits on the panel depends on the date (the 7 May 2024 change).';
    case 'officer_alternative':
      if (h.forum !== 'misconduct_meeting') {
        return "The officer's alternative date under reg 34 is for a misconduct meeting; for a hearing's pre-hearing use POST /api/hearings/:id/pre-hearing/alternative-date (reg 33(3)).";
      }
      return dated && h.chairDate
        ? null
        : 'The officer proposes an alternative to a date the chair has given: propose one first.';
    case 'set_pre_hearing':
      if (h.forum !== 'misconduct_hearing') {
        return 'A pre-hearing (reg 33) is held for misconduct hearings only.';
      }
      return h.status === 'concluded' ? CONCLUDED : null;
    case 'pre_hearing_alternative':
      return h.preHearingChairDate
        ? null
        : 'The chair has not set a pre-hearing date yet (POST /api/hearings/:id/pre-hearing).';
    case 'special_conditions':
      if (h.forum !== 'accelerated_hearing') {
        return 'Special conditions are certified (reg 49) only for an accelerated hearing.';
      }
      return h.status === 'concluded' ? CONCLUDED : null;
    case 'calendar':
      return h.scheduledOn && dated
        ? null
        : 'This hearing has no date yet, so there is nothing to put in a calendar.';
  }
}

/**
 * The breaches refused while a panel is still being filled: an incomplete panel is expected then
 * (those breaches say "The panel needs"), anything else is refused at once.
 */
export function breachesWhileFilling(breaches: readonly PanelBreach[]): PanelBreach[] {
  return breaches.filter((b) => !b.message.startsWith('The panel needs'));
}

/** The expected length of a hearing's sitting in minutes: its own, or the forum's default. */
export function durationOf(hearing: { forum: Forum; durationMinutes: number | null }): number {
  return hearing.durationMinutes ?? DEFAULT_DURATION_MINUTES[hearing.forum];
}

/** "Misconduct hearing", as a sentence starts it in the case's timeline. */
export function forumLabel(forum: Forum): string {
  const text = forum.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
