import type { Finding, Forum, Outcome } from '../outcomes/outcome';

/**
 * What the demo's hearings look like, decided from each demo case's status: a case with a hearing
 * scheduled has one fixed on a working day still to come (the first today, so a panel can record an
 * outcome straight away); a decided, appealed or closed case had its hearing on the day it was
 * decided, with findings and an outcome; an appealed case has its appeal lodged. Pure, so the loader
 * only writes what this plans.
 */
export type DemoHearingPlan =
  | { kind: 'upcoming'; forum: Forum; scheduledOn: string; chairedByDemoPanel: boolean }
  | {
      kind: 'concluded';
      forum: Forum;
      scheduledOn: string;
      finding: Finding;
      outcome: Outcome;
      appealLodgedOn: string | null;
    };

export interface DemoHearingCase {
  status: string;
  /** The statuses it passed through, with their days, oldest first. */
  path: { to: string; on: string }[];
}

const MEETING_OUTCOMES: readonly Outcome[] = [
  'management_advice',
  'written_warning',
  'final_written_warning',
];
const HEARING_OUTCOMES: readonly Outcome[] = ['final_written_warning', 'dismissal_without_notice'];

/** The forum a case's referral led to. */
export function demoForum(path: readonly { to: string }[]): Forum {
  if (path.some((step) => step.to === 'referred_to_meeting')) return 'misconduct_meeting';
  if (path.some((step) => step.to === 'referred_to_accelerated_hearing')) return 'accelerated_hearing';
  return 'misconduct_hearing';
}

/**
 * The plan for the `index`-th demo case of its status. `upcomingDays` gives the working days still
 * to come, in order (today first when it is one), for fixing the hearings coming up.
 */
export function demoHearingPlan(
  kase: DemoHearingCase,
  index: number,
  upcomingDays: readonly string[],
): DemoHearingPlan | null {
  const forum = demoForum(kase.path);
  const on = (status: string) => kase.path.find((step) => step.to === status)?.on ?? null;
  if (kase.status === 'hearing_scheduled') {
    return {
      kind: 'upcoming',
      forum,
      // spread over the coming weeks: about two a week
      scheduledOn: upcomingDays[Math.min(index * 3, upcomingDays.length - 1)],
      // the demo panel member chairs every other one, so their My work lists hearings
      chairedByDemoPanel: index % 2 === 0,
    };
  }
  if (kase.status === 'decided' || kase.status === 'appeal' || kase.status === 'closed') {
    const decidedOn = on('decided');
    if (!decidedOn) return null;
    const meeting = forum === 'misconduct_meeting';
    const outcomes = meeting ? MEETING_OUTCOMES : HEARING_OUTCOMES;
    return {
      kind: 'concluded',
      forum,
      scheduledOn: decidedOn,
      finding: meeting ? 'misconduct' : 'gross_misconduct',
      outcome: outcomes[index % outcomes.length],
      appealLodgedOn: kase.status === 'appeal' ? (on('appeal') ?? decidedOn) : null,
    };
  }
  return null;
}
