import type { DisparityReport } from '@precedent/analytics';

type ForceFigure = DisparityReport['forces'][number];

/**
 * The sentence a senior officer can repeat: how the home force's outcomes compare with other
 * forces' for comparable conduct, with its interval and the number of cases it rests on.
 */
export function homeForceSentence(force: ForceFigure | undefined, name: string | null): string {
  if (!name)
    return 'No home force is set for this service, so these figures compare every force with the rest and none is highlighted.';
  if (!force)
    return `There are no precedents from ${name} in the figures yet, so it cannot be compared with other forces.`;
  const amount = Math.abs(force.relativeSeverity);
  const interval = `95% interval ${signed(force.ciLow)} to ${signed(force.ciHigh)}; ${cases(force.n)}`;
  if (amount < 0.05)
    return `For comparable conduct, ${possessive(name)} outcomes were on average about as severe as other forces' (${interval}).`;
  const direction = force.relativeSeverity > 0 ? 'more' : 'less';
  return `For comparable conduct, ${possessive(name)} outcomes were on average ${amount.toFixed(1)} steps ${direction} severe than other forces' (${interval}).`;
}

/** Whether the home force's difference is both real and large enough to act on, in words. */
export function homeForceVerdict(force: ForceFigure | undefined, margin: number): string | null {
  if (!force) return null;
  if (force.flagged)
    return `The whole interval lies more than ${margin} steps from zero: the difference is both real and large enough to look into.`;
  return `The interval reaches within ${margin} steps of zero, so the difference is not large enough, or not certain enough, to act on.`;
}

/** The national consistency index explained, with what it rests on. */
export function consistencyIndexSentence(
  report: Pick<DisparityReport, 'consistencyIndex' | 'measured'>,
): string {
  return `On average a precedent's outcome was ${report.consistencyIndex.toFixed(2)} steps away from the outcomes of its 20 most comparable precedents (${cases(report.measured)} measured). Lower is more consistent: 0 would mean every comparable case got the same outcome.`;
}

export const STEP_EXPLAINED =
  'A step is one place on the outcome scale: no further action, reflective practice, management advice, written warning, final written warning, reduction in rank, dismissal.';

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

function signed(value: number): string {
  return value.toFixed(1).replace('-0.0', '0.0');
}

export function cases(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'case' : 'cases'}`;
}
