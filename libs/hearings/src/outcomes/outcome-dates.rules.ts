/**
 * When a panel may record findings and an outcome, and which decision and notification days fit.
 *
 * A decision is made at (or after) the meeting or hearing, never before it and never on a day still
 * to come; the officer is told on or after the decision, and not in the future either. So before
 * the hearing date no decision date can fit: the form is not offered then, and the page says when
 * recording opens instead. All dates are calendar days in England and Wales (`YYYY-MM-DD`), so
 * comparing them as strings is comparing days.
 */
export interface OutcomeDates {
  /** The day the meeting or hearing is fixed for. */
  hearingOn: string;
  /** Today in England and Wales (the clock's London date, not UTC's). */
  today: string;
  /** The day of the decision; today when not given. */
  decidedOn?: string;
  notifiedOn: string;
}

export interface DateProblem {
  field: 'decidedOn' | 'notifiedOn';
  message: string;
}

/** Recording opens on the hearing day itself: the panel decides at the end of it. */
export function recordingOpen(hearingOn: string, today: string): boolean {
  return today >= hearingOn;
}

/** What is wrong with the decision and notification days, each as a sentence a panel member can act on. */
export function outcomeDateProblems(dates: OutcomeDates): DateProblem[] {
  const { hearingOn, today, notifiedOn } = dates;
  const decidedOn = dates.decidedOn ?? today;
  const problems: DateProblem[] = [];
  if (!recordingOpen(hearingOn, today)) {
    problems.push({
      field: 'decidedOn',
      message: `Findings and an outcome can be recorded from the day of the hearing, ${hearingOn}.`,
    });
    return problems;
  }
  if (decidedOn < hearingOn)
    problems.push({
      field: 'decidedOn',
      message: `The decision cannot be before the hearing on ${hearingOn}: enter ${hearingOn} or later.`,
    });
  else if (decidedOn > today)
    problems.push({
      field: 'decidedOn',
      message: `The decision cannot be in the future: enter ${today} or earlier.`,
    });
  if (notifiedOn < decidedOn)
    problems.push({
      field: 'notifiedOn',
      message: `The officer cannot be notified before the decision: enter ${decidedOn} or later.`,
    });
  else if (notifiedOn > today)
    problems.push({
      field: 'notifiedOn',
      message: `The officer cannot have been notified in the future: enter ${today} or earlier.`,
    });
  return problems;
}
