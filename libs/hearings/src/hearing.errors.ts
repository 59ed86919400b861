import { ConflictError, InvalidInputError } from '@precedent/platform';
import type { PanelConflict } from './panels/panel-conflict.rules';
import type { DecisionProblem } from './decisions/decision-record.rules';

export class NotReferredError extends ConflictError {
  constructor(status: string) {
    super(
      'not_referred',
      `A meeting or hearing is arranged for a case referred to one; this case is ${status.replace(/_/g, ' ')}.`,
      { status },
    );
  }
}

export class HearingStateError extends ConflictError {
  constructor(message: string) {
    super('hearing_state', message);
  }
}

export class UnlawfulDateError extends InvalidInputError {
  constructor(rule: string, message: string, earliestLawfulDate: string | null) {
    super(
      'unlawful_date',
      earliestLawfulDate ? `${message} The earliest lawful date is ${earliestLawfulDate}.` : message,
      { rule, earliestLawfulDate },
    );
  }
}

export class PanelCompositionError extends InvalidInputError {
  /** `rules`: the code of each problem's rule, in the same order, when the rules gave them. */
  constructor(problems: string[], rules?: string[]) {
    super('panel_composition', problems.join(' '), rules ? { problems, rules } : { problems });
  }
}

/** A date outside a time limit (reg 33, reg 34): the rule, and the last (and first) lawful date. */
export class TimeLimitError extends InvalidInputError {
  constructor(
    rule: string,
    message: string,
    latestLawfulDate: string | null,
    earliestLawfulDate: string | null,
  ) {
    super('time_limit', message, { rule, latestLawfulDate, earliestLawfulDate });
  }
}

export class PanelConflictError extends ConflictError {
  constructor(conflicts: PanelConflict[]) {
    super('panel_conflict', conflicts.map((c) => c.message).join(' '), { conflicts });
  }
}

export class OutcomeNotAllowedError extends InvalidInputError {
  constructor(rule: string, message: string) {
    super('outcome_not_allowed', message, { rule });
  }
}

export class DecisionIncompleteError extends InvalidInputError {
  constructor(problems: DecisionProblem[], extra: Record<string, unknown> = {}) {
    super(
      'decision_incomplete',
      `The decision record is incomplete: ${problems.map((p) => p.message).join(' ')}`,
      { fields: problems, ...extra },
    );
  }
}

export class FindingsIncompleteError extends InvalidInputError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('findings_incomplete', message, details);
  }
}

export class AppealOutOfTimeError extends InvalidInputError {
  constructor(rule: string, message: string, deadline: string) {
    super('appeal_out_of_time', message, { rule, deadline });
  }
}
