import type { Forum } from '../outcomes/outcome';
import type { WorkingDays } from '../scheduling/notice-period.rules';

/**
 * Appeal time limits in working days (docs/domain.md §7, §8). A meeting's outcome goes to an internal
 * appeal (reg 45, 7 working days [V via the MDP mirror]); a hearing's or accelerated hearing's to
 * the Police Appeals Tribunal (10 working days [U]): configuration with these defaults.
 */
export interface AppealPeriods {
  meetingAppeal: number;
  tribunalAppeal: number;
}

export const DEFAULT_APPEAL_PERIODS: AppealPeriods = { meetingAppeal: 7, tribunalAppeal: 10 };

export const APPEAL_GROUNDS = ['unreasonable', 'new_evidence', 'procedural_unfairness'] as const;
export type AppealGround = (typeof APPEAL_GROUNDS)[number];
export const APPEAL_RESULTS = ['dismissed', 'allowed', 'outcome_varied'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

export function appealBody(forum: Forum): 'internal_appeal' | 'police_appeals_tribunal' {
  return forum === 'misconduct_meeting' ? 'internal_appeal' : 'police_appeals_tribunal';
}

/** The last day to give notice of appeal: counted from the first working day after the outcome was supplied. */
export function appealDeadline(
  forum: Forum,
  outcomeSuppliedOn: string,
  calendar: WorkingDays,
  periods: AppealPeriods = DEFAULT_APPEAL_PERIODS,
): string {
  return calendar.addWorkingDays(
    outcomeSuppliedOn,
    forum === 'misconduct_meeting' ? periods.meetingAppeal : periods.tribunalAppeal,
  );
}

export type AppealTimeAnswer =
  { inTime: true; deadline: string } | { inTime: false; deadline: string; rule: string; message: string };

export function checkAppealInTime(
  forum: Forum,
  outcomeSuppliedOn: string,
  lodgedOn: string,
  calendar: WorkingDays,
  periods: AppealPeriods = DEFAULT_APPEAL_PERIODS,
): AppealTimeAnswer {
  const deadline = appealDeadline(forum, outcomeSuppliedOn, calendar, periods);
  if (lodgedOn <= deadline) return { inTime: true, deadline };
  const meeting = forum === 'misconduct_meeting';
  return {
    inTime: false,
    deadline,
    rule: meeting ? 'meeting_appeal_time_limit' : 'tribunal_appeal_time_limit',
    message: meeting
      ? `An appeal against a misconduct meeting's outcome must be given within ${periods.meetingAppeal} working days of the outcome being supplied (reg 45): the last day was ${deadline}.`
      : `Notice of appeal to the Police Appeals Tribunal must be given within ${periods.tribunalAppeal} working days of the written outcome being supplied (PAT Rules 2020): the last day was ${deadline}.`,
  };
}
