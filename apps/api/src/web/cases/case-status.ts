import type { CaseStatus } from '@precedent/cases';

/** The colour of a case's status tag, on the case list and the case page alike. */
export const STATUS_COLOURS: Partial<Record<CaseStatus, string>> = {
  received: 'govuk-tag--grey',
  assessed: 'govuk-tag--light-blue',
  investigating: 'govuk-tag--blue',
  hearing_scheduled: 'govuk-tag--purple',
  decided: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  withdrawn: 'govuk-tag--grey',
  iopc_referral_hold: 'govuk-tag--orange',
};
