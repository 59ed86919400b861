import { format, parseISO, subDays } from 'date-fns';
import type { Forum } from '../outcomes/outcome';

/** The calendar the rules count on; libs/platform's WorkingDayCalendar is the real one. */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
  addWorkingDays(from: string, n: number): string;
  onOrAfter(date: string): string;
}

/**
 * Time limits in working days (docs/domain.md §7, §18). Values marked [U] there are configuration with
 * these defaults; the verified ones are the Regulations' own numbers.
 */
export interface NoticePeriods {
  /** reg 31(1): the officer's response, from the first working day after documents are supplied [V]. */
  officerResponse: number;
  /** reg 31(4): witness lists after the officer's response [V]. */
  witnessLists: number;
  /** reg 52(1): an accelerated hearing is 10 to 15 working days after its notice [V]. */
  acceleratedMin: number;
  acceleratedMax: number;
  /** reg 36: a hearing's public notice is published at least this many working days before it [U]. */
  publicNoticeLead: number;
  /** reg 43(1): the chair's outcome report to the appropriate authority [V]. */
  chairReport: number;
}

export const DEFAULT_NOTICE_PERIODS: NoticePeriods = {
  officerResponse: 15,
  witnessLists: 3,
  acceleratedMin: 10,
  acceleratedMax: 15,
  publicNoticeLead: 5,
  chairReport: 5,
};

export interface ProposedDate {
  forum: Forum;
  /** The day the reg 30 documents (or, for an accelerated hearing, the reg 51 notice) reached the officer. */
  noticeServedOn: string;
  proposed: string;
}

export type DateAnswer =
  { lawful: true } | { lawful: false; rule: string; message: string; earliestLawfulDate: string | null };

/**
 * Whether a meeting or hearing may be held on a date, and if not, the rule and the earliest lawful
 * date. Ordinary proceedings wait until the officer's response and the exchange of witness lists
 * are due; accelerated hearings must fall in their 10-15 working-day window.
 */
export function checkProposedDate(
  input: ProposedDate,
  calendar: WorkingDays,
  periods: NoticePeriods = DEFAULT_NOTICE_PERIODS,
): DateAnswer {
  const earliest =
    input.forum === 'accelerated_hearing'
      ? calendar.addWorkingDays(input.noticeServedOn, periods.acceleratedMin)
      : calendar.addWorkingDays(input.noticeServedOn, periods.officerResponse + periods.witnessLists + 1);
  if (!calendar.isWorkingDay(input.proposed)) {
    const next = calendar.onOrAfter(input.proposed);
    return {
      lawful: false,
      rule: 'working_day',
      message: `${input.proposed} is a weekend day or a bank holiday in England and Wales; proceedings sit on working days.`,
      earliestLawfulDate: next < earliest ? earliest : next,
    };
  }
  if (input.proposed < earliest) {
    return {
      lawful: false,
      rule: input.forum === 'accelerated_hearing' ? 'accelerated_window' : 'officer_response_period',
      message:
        input.forum === 'accelerated_hearing'
          ? `An accelerated hearing must be at least ${periods.acceleratedMin} working days after its notice (reg 52(1)).`
          : `The officer has ${periods.officerResponse} working days to respond and witness lists follow within ${periods.witnessLists} (reg 31): the ${input.forum === 'misconduct_meeting' ? 'meeting' : 'hearing'} cannot be held before ${earliest}.`,
      earliestLawfulDate: earliest,
    };
  }
  if (input.forum === 'accelerated_hearing') {
    const latest = calendar.addWorkingDays(input.noticeServedOn, periods.acceleratedMax);
    if (input.proposed > latest) {
      return {
        lawful: false,
        rule: 'accelerated_window',
        message: `An accelerated hearing must be no more than ${periods.acceleratedMax} working days after its notice (reg 52(1)): by ${latest}.`,
        earliestLawfulDate: earliest,
      };
    }
  }
  return { lawful: true };
}

/** The last working day on which a public hearing's notice can be published. */
export function publicNoticeDueBy(
  hearingDate: string,
  calendar: WorkingDays,
  periods: NoticePeriods = DEFAULT_NOTICE_PERIODS,
): string {
  // walk back one calendar day at a time, counting working days, until the lead time is met
  let counted = 0;
  let day = hearingDate;
  while (counted < periods.publicNoticeLead) {
    day = format(subDays(parseISO(day), 1), 'yyyy-MM-dd');
    if (calendar.isWorkingDay(day)) counted++;
  }
  return day;
}

/** The officer's response is due by the end of the Nth working day after the documents arrive (reg 31). */
export function officerResponseDue(
  documentsSuppliedOn: string,
  calendar: WorkingDays,
  periods: NoticePeriods = DEFAULT_NOTICE_PERIODS,
): string {
  return calendar.addWorkingDays(documentsSuppliedOn, periods.officerResponse);
}
