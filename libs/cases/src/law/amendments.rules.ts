import type { Severity } from '../cases/case-lifecycle.rules';

/**
 * The changes to the conduct rules since the 2020 Regulations, each kept as data with the day it
 * came into force (docs/law-amendments.md). A rule never compares against a literal date:
 * it asks whether its amendment is in force on the day of the event it decides.
 */
export const AMENDMENTS = [
  {
    key: 'panel_2024',
    inForceFrom: '2024-05-07',
    source: 'SI 2024/521',
    summary:
      'Hearings chaired by the chief officer or a delegate with two members appointed by the policing body.',
  },
  {
    key: 'vetting_2025',
    inForceFrom: '2025-05-14',
    source: 'SI 2025/502',
    summary:
      'Vetting Regulations: a withdrawn clearance, after its appeal, ends in dismissal without notice.',
  },
  {
    key: 'conduct_2025',
    inForceFrom: '2025-05-28',
    source: 'SI 2025/558',
    summary:
      'Indictable-only convictions are gross misconduct; former officers presumed to an accelerated hearing; ' +
      'dismissal presumed on gross misconduct; referral to vetting at the severity assessment; notices by email.',
  },
  {
    key: 'use_of_force_2026',
    inForceFrom: '2026-06-30',
    source: 'SI 2026/597',
    summary: 'Use of force assessed against the criminal-law test for conduct on or after this day.',
  },
] as const;

export type AmendmentKey = (typeof AMENDMENTS)[number]['key'];

/** No amendment after the 2020 Regulations was in force on the day. */
export const NO_AMENDMENTS = 'none';
export type AmendmentSet = AmendmentKey | typeof NO_AMENDMENTS;
export const AMENDMENT_SETS: readonly AmendmentSet[] = [NO_AMENDMENTS, ...AMENDMENTS.map((a) => a.key)];

/** Whether an amendment is in force on a day (YYYY-MM-DD). */
export function inForce(key: AmendmentKey, day: string): boolean {
  const amendment = AMENDMENTS.find((a) => a.key === key);
  if (!amendment) throw new Error(`Unknown amendment ${key}`);
  return day >= amendment.inForceFrom;
}

/**
 * The amendment set in force on a day: the latest amendment then in force (each includes the
 * earlier ones). Stored on the case (the day it was received) and on each outcome (the day decided).
 */
export function amendmentSetOn(day: string): AmendmentSet {
  let set: AmendmentSet = NO_AMENDMENTS;
  for (const amendment of AMENDMENTS) if (day >= amendment.inForceFrom) set = amendment.key;
  return set;
}

// ---- 28 May 2025 (SI 2025/558) -------------------------------------------------------------

/**
 * Conduct that led to a conviction for an indictable-only offence is gross misconduct from
 * 28 May 2025: a lower severity is refused with a sentence saying why. Null when allowed.
 */
export function indictableOnlyConvictionProblem(
  severity: Severity,
  indictableOnlyConviction: boolean,
  assessedOn: string,
): string | null {
  if (!indictableOnlyConviction || !inForce('conduct_2025', assessedOn)) return null;
  return severity === 'gross_misconduct'
    ? null
    : 'A conviction for an offence that can only be tried in the Crown Court counts as gross misconduct from 28 May 2025: assess it as gross misconduct.';
}

export type FormerOfficerRoute =
  | { route: 'accelerated_hearing'; presumed: true }
  | { route: 'misconduct_hearing'; presumed: false; reason?: string };

/**
 * Where a former officer's gross misconduct case goes when the appropriate authority refers it to a
 * hearing. From 28 May 2025 an accelerated hearing is presumed, unless the authority records why not.
 */
export function formerOfficerHearingRoute(
  referredOn: string,
  formerOfficer: boolean,
  severity: Severity | null,
  notAcceleratedReason?: string,
): FormerOfficerRoute {
  const reason = notAcceleratedReason?.trim();
  if (formerOfficer && severity === 'gross_misconduct' && inForce('conduct_2025', referredOn) && !reason) {
    return { route: 'accelerated_hearing', presumed: true };
  }
  return reason
    ? { route: 'misconduct_hearing', presumed: false, reason }
    : { route: 'misconduct_hearing', presumed: false };
}

/** The least a record of exceptional circumstances must say (a sentence, not a word). */
export const MIN_EXCEPTIONAL_CIRCUMSTANCES = 40;

const DISMISSAL_OUTCOMES = ['dismissal_without_notice', 'dismissal_with_notice', 'would_have_been_dismissed'];

/**
 * From 28 May 2025 a proven gross misconduct finding presumes dismissal: any lesser outcome (other
 * than none, when nothing is proven) needs the panel's recorded exceptional circumstances. Null
 * when the outcome stands; otherwise what the panel must do.
 */
export function presumptionOfDismissalProblem(q: {
  finding: string;
  outcome: string;
  decidedOn: string;
  exceptionalCircumstances?: string | null;
}): string | null {
  if (q.finding !== 'gross_misconduct' || !inForce('conduct_2025', q.decidedOn)) return null;
  if (DISMISSAL_OUTCOMES.includes(q.outcome)) return null;
  const written = q.exceptionalCircumstances?.trim() ?? '';
  if (written.length >= MIN_EXCEPTIONAL_CIRCUMSTANCES) return null;
  return written
    ? 'Say more about the exceptional circumstances: what makes this case one where dismissal should not follow.'
    : 'Gross misconduct proven from 28 May 2025 means dismissal unless the panel finds exceptional circumstances: record them, or choose dismissal.';
}

/** Whether the presumption of dismissal applies to a finding decided on that day. */
export function dismissalPresumed(finding: string, decidedOn: string): boolean {
  return finding === 'gross_misconduct' && inForce('conduct_2025', decidedOn);
}

/** The severity assessment may refer the matter to the vetting procedures (SI 2025/558 reg 14 change). */
export function vettingReferralAvailable(assessedOn: string): boolean {
  return inForce('conduct_2025', assessedOn);
}

// ---- 14 May 2025 (Police (Vetting) Regulations 2025) ---------------------------------------

export type ClearanceAppeal = 'none_lodged' | 'pending' | 'upheld' | 'dismissed';

/**
 * A withdrawn vetting clearance leads to dismissal without notice under the 2025 Vetting
 * Regulations, once any appeal against the withdrawal has failed or none was lodged.
 */
export function clearanceWithdrawalConsequence(
  withdrawnOn: string,
  appeal: ClearanceAppeal,
): {
  consequence:
    'dismissal_without_notice' | 'awaiting_appeal' | 'clearance_restored' | 'not_under_2025_regulations';
} {
  if (!inForce('vetting_2025', withdrawnOn)) return { consequence: 'not_under_2025_regulations' };
  if (appeal === 'pending') return { consequence: 'awaiting_appeal' };
  if (appeal === 'upheld') return { consequence: 'clearance_restored' };
  return { consequence: 'dismissal_without_notice' };
}

// ---- 30 June 2026 (SI 2026/597) -------------------------------------------------------------

export type UseOfForceTest = 'reasonable_in_the_circumstances' | 'criminal_law_honest_belief';

export const USE_OF_FORCE_TEST_LABELS: Record<UseOfForceTest, string> = {
  reasonable_in_the_circumstances:
    'force only as far as necessary, proportionate and reasonable in the circumstances',
  criminal_law_honest_belief:
    'the criminal-law test: whether the officer honestly believed the force was necessary, and it was reasonable on the facts as they believed them',
};

/**
 * The test an allegation under the Use of Force standard is assessed against: the criminal-law test
 * for conduct on or after 30 June 2026; the Standards' own test before. No conduct date: not decided.
 */
export function useOfForceTest(conductOn: string | null | undefined): UseOfForceTest | null {
  if (!conductOn) return null;
  return inForce('use_of_force_2026', conductOn)
    ? 'criminal_law_honest_belief'
    : 'reasonable_in_the_circumstances';
}

// ---- Crime and Policing Act 2026: chief-officer appeals (commencement unverified) ----------

export interface ChiefOfficerAppealConfig {
  /** Off until the commencement is confirmed: configuration, never assumed. */
  enabled: boolean;
  /** From this day, when enabled (YYYY-MM-DD); empty means from whenever it is switched on. */
  from: string;
  /** Working days from the written outcome to lodge the appeal. */
  workingDays: number;
}

export const DEFAULT_CHIEF_OFFICER_APPEALS: ChiefOfficerAppealConfig = {
  enabled: false,
  from: '',
  workingDays: 10,
};

/** Whether the chief officer may appeal a hearing outcome decided on that day to the Police Appeals Tribunal. */
export function chiefOfficerMayAppeal(config: ChiefOfficerAppealConfig, decidedOn: string): boolean {
  return config.enabled && (config.from === '' || decidedOn >= config.from);
}

// ---- Barred and advisory lists (SI 2017/1135; gaps closed 2026) ----------------------------

export type ListReferral = 'barred_list' | 'advisory_list' | null;

/**
 * Which College of Policing list an outcome is reported to: the barred list for a dismissal or a
 * "would have been dismissed" finding; the advisory list for someone who left under investigation
 * and was not found "would have been dismissed" (any proven finding).
 */
export function listReferralFor(outcome: string, formerOfficer: boolean, finding: string): ListReferral {
  if (DISMISSAL_OUTCOMES.includes(outcome)) return 'barred_list';
  if (formerOfficer && finding !== 'not_proven') return 'advisory_list';
  return null;
}

// ---- Service of notices by email (SI 2025/558) ----------------------------------------------

export interface ServiceCalendar {
  isWorkingDay(day: string): boolean;
  firstWorkingDayAfter(day: string): string;
}

/**
 * The cut-off for same-day service of an email, London time. The regulation's own wording was not
 * retrieved (docs/law-amendments.md): the civil courts' rule (sent on a working day before 4.30pm, served
 * that day; otherwise the next working day) is used as configuration until it is checked.
 */
export const DEFAULT_EMAIL_SERVICE_CUTOFF = '16:30';

/**
 * The day an email notice is deemed served, from the London day and time it was accepted by the
 * mail server. Before 28 May 2025 email was not a way of serving a notice: null (served by hand).
 */
export function deemedServiceOn(
  sentLondonDay: string,
  sentLondonTime: string,
  calendar: ServiceCalendar,
  cutoff: string = DEFAULT_EMAIL_SERVICE_CUTOFF,
): string | null {
  if (!inForce('conduct_2025', sentLondonDay)) return null;
  if (calendar.isWorkingDay(sentLondonDay) && sentLondonTime < cutoff) return sentLondonDay;
  return calendar.firstWorkingDayAfter(sentLondonDay);
}
