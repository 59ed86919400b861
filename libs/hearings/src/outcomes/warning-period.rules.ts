import { addDays, addMonths, format, parseISO } from 'date-fns';
import type { Outcome, Regime } from './outcome';

/**
 * How long warnings stay live (legal effect, not retention): docs/domain.md §6 and §15. Values marked
 * unverified there are configuration with these defaults.
 */
export interface WarningPeriods {
  writtenWarningMonths: Record<Regime, number>;
  finalWrittenWarningMonths: Record<Regime, number>;
  /** The longer FWW seen in gross-misconduct outcomes since 2021 (regulation paragraph unverified). */
  extendedFinalWrittenWarningMonths: number;
}

export const DEFAULT_WARNING_PERIODS: WarningPeriods = {
  writtenWarningMonths: { pcr2020: 18, pcr2012: 12 }, // 2012: [U]
  finalWrittenWarningMonths: { pcr2020: 24, pcr2012: 18 },
  extendedFinalWrittenWarningMonths: 60, // [U]
};

export interface WarningInput {
  outcome: Outcome;
  regime: Regime;
  /** The day the officer was notified of the outcome (YYYY-MM-DD): the period runs from it. */
  notifiedOn: string;
  /** A panel may set the longer final written warning (gross misconduct). */
  extended?: boolean;
  /** Days on a career break, which do not count towards the period (reg 42(11)). */
  careerBreakDays?: number;
}

/** The last day a warning is live, or null when the outcome is not a warning. */
export function warningExpiry(
  input: WarningInput,
  periods: WarningPeriods = DEFAULT_WARNING_PERIODS,
): string | null {
  let months: number;
  if (input.outcome === 'written_warning') months = periods.writtenWarningMonths[input.regime];
  else if (input.outcome === 'final_written_warning') {
    months = input.extended
      ? periods.extendedFinalWrittenWarningMonths
      : periods.finalWrittenWarningMonths[input.regime];
  } else return null;
  const end = addDays(addMonths(parseISO(input.notifiedOn), months), (input.careerBreakDays ?? 0) - 1);
  return format(end, 'yyyy-MM-dd');
}

/** Whether a warning is live on a given day: a hearing may escalate only on a live final written warning. */
export function isWarningLive(expiry: string | null, on: string): boolean {
  return expiry !== null && on <= expiry;
}
