import { ConflictError, ForbiddenError, InvalidInputError } from '@precedent/platform';
import type { CaseStatus } from './case-lifecycle.rules';

export class TransitionNotAllowedError extends ConflictError {
  constructor(reason: string, allowed: CaseStatus[]) {
    super(
      'transition_not_allowed',
      `${reason} ${allowed.length ? `From here you can move it to ${allowed.map((status) => status.replace(/_/g, ' ')).join(', ')}.` : 'You cannot move this case from here.'}`,
      { allowed },
    );
  }
}

export class StaleVersionError extends ConflictError {
  constructor(current: number) {
    super(
      'stale_version',
      `Someone else changed this case after you opened it (it is now at version ${current}). Reload it, check their change, and submit yours again.`,
      { currentVersion: current },
    );
  }
}

export class AuthorisationRequiredError extends InvalidInputError {
  constructor() {
    super(
      'authorisation_required',
      'Proactive monitoring needs who authorised it, when, and the proportionality justification (Articles 8 and 10) before the case can be saved.',
      {
        fields: [
          { field: 'authorisation.authorisedBy', message: 'required for proactive monitoring' },
          { field: 'authorisation.authorisedAt', message: 'required for proactive monitoring' },
          { field: 'authorisation.justification', message: 'required for proactive monitoring' },
        ],
      },
    );
  }
}

export class IopcReferralMandatoryError extends InvalidInputError {
  constructor(criteria: string[]) {
    super(
      'iopc_referral_mandatory',
      `The case meets a mandatory IOPC referral criterion (${criteria.join(', ')}), so the referral cannot be waived: record the referral decision instead.`,
      { fields: [{ field: 'iopcReferralRequired', message: 'a mandatory criterion is met' }] },
    );
  }
}

/** An edit of something that is another role's decision; the message says whose and how. */
export class CaseEditForbiddenError extends ForbiddenError {}

/** A severity assessment the rules in force that day do not allow (law/amendments.rules). */
export class AssessmentNotAllowedError extends InvalidInputError {
  constructor(rule: string, message: string) {
    super(rule, message, { rule });
  }
}

export class Article10BalancingRequiredError extends InvalidInputError {
  constructor() {
    super(
      'article10_balancing_required',
      'The case relies on off-duty speech: record the Article 10 balancing (whether a right is engaged, the law, the aim, and why the step is necessary and proportionate) with the assessment.',
      { fields: [{ field: 'article10', message: 'required for off-duty speech' }] },
    );
  }
}

export class CaseNotAwaitingAssessmentError extends ConflictError {
  constructor() {
    super(
      'not_awaiting_assessment',
      'This case has already been sent for assessment, or is past it: the appropriate authority has it.',
    );
  }
}
