/**
 * The rules a precedent was decided under, as facts of its decision date. Each reform below
 * changed how a misconduct outcome is reached, so two decisions either side of one are not
 * decided under the same rules even when the conduct is the same:
 *  - 1 February 2020: the 2020 Conduct Regulations replace those of 2012 (for matters that came to
 *    attention from that day; the decision date stands in for it here);
 *  - 7 May 2024: hearings are chaired by the chief officer (or a delegate) advised by a legally
 *    qualified person, no longer by a legally qualified chair;
 *  - 28 May 2025: where gross misconduct is proven, dismissal is presumed unless the panel finds
 *    exceptional circumstances;
 *  - 30 June 2026: the use-of-force standard follows the criminal-law test.
 * The eras are numbered in order, so "decided under today's rules" is "in today's era".
 */
export interface Reform {
  /** First day (YYYY-MM-DD) the reform applies. */
  from: string;
  /** What changed, in words a panel reads. */
  change: string;
  /** A few words for a chart's marker. */
  short: string;
}

export const REFORMS: readonly Reform[] = [
  {
    from: '2020-02-01',
    change: 'the 2020 Conduct Regulations replaced those of 2012',
    short: '2020 Regulations',
  },
  {
    from: '2024-05-07',
    change: 'hearings were chaired by the chief officer instead of a legally qualified chair',
    short: 'chief officer chairs',
  },
  {
    from: '2025-05-28',
    change: 'dismissal became presumed after a proven finding of gross misconduct',
    short: 'presumed dismissal',
  },
  {
    from: '2026-06-30',
    change: 'the use-of-force standard began to follow the criminal-law test',
    short: 'criminal-law force test',
  },
];

/**
 * The reforms that took effect in a calendar year ("2025"), as a chart's marker: "from 28 May:
 * presumed dismissal"; undefined when none did.
 */
export function reformMarkerForYear(year: string): string | undefined {
  const inYear = REFORMS.filter((reform) => reform.from.startsWith(`${year}-`));
  if (inYear.length === 0) return undefined;
  return inYear.map((reform) => `from ${dayAndMonth(reform.from)}: ${reform.short}`).join('; ');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function dayAndMonth(isoDate: string): string {
  return `${Number(isoDate.slice(8, 10))} ${MONTHS[Number(isoDate.slice(5, 7)) - 1]}`;
}

export interface RegimeFacts {
  /** 0 before the first reform; n after the n-th. */
  era: number;
  regulations: 'pcr2012' | 'pcr2020';
  hearingChair: 'legally_qualified_chair' | 'chief_officer';
  presumptionOfDismissal: boolean;
  criminalUseOfForceTest: boolean;
}

const REFORM_DAYS = REFORMS.map((reform) => dayOf(reform.from));

/** The era of a decision given as days since 1970-01-01 (as the precedent index holds dates). */
export function eraOnDay(day: number): number {
  let era = 0;
  while (era < REFORM_DAYS.length && day >= REFORM_DAYS[era]) era++;
  return era;
}

export function eraOn(isoDate: string): number {
  return eraOnDay(dayOf(isoDate));
}

export function regimeOn(isoDate: string): RegimeFacts {
  return regimeOfEra(eraOn(isoDate));
}

export function regimeOfEra(era: number): RegimeFacts {
  return {
    era,
    regulations: era >= 1 ? 'pcr2020' : 'pcr2012',
    hearingChair: era >= 2 ? 'chief_officer' : 'legally_qualified_chair',
    presumptionOfDismissal: era >= 3,
    criminalUseOfForceTest: era >= 4,
  };
}

/** The first day of the era in force on `today`: decisions from then on were under today's rules. */
export function todaysRulesFrom(today: string): string {
  const era = eraOn(today);
  return era === 0 ? '1970-01-01' : REFORMS[era - 1].from;
}

/** The rules of an era in a short phrase, e.g. "2020 Regulations, chief-officer chair, presumption of dismissal". */
export function eraWords(era: number): string {
  const facts = regimeOfEra(era);
  return [
    facts.regulations === 'pcr2020' ? '2020 Regulations' : '2012 Regulations',
    facts.hearingChair === 'chief_officer' ? 'chief-officer chair' : 'legally qualified chair',
    ...(facts.presumptionOfDismissal ? ['presumption of dismissal'] : []),
    ...(facts.criminalUseOfForceTest ? ['criminal-law use-of-force test'] : []),
  ].join(', ');
}

/** The reforms that came between two eras, in words: what differs between decisions either side. */
export function reformsBetween(eraA: number, eraB: number): string[] {
  const [low, high] = eraA < eraB ? [eraA, eraB] : [eraB, eraA];
  return REFORMS.slice(low, high).map((reform) => reform.change);
}

function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}
