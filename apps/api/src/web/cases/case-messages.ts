/**
 * The messages the case's pages show after a form, chosen by the server: the address carries a code
 * (`?saved=subject`, `?problem=reason-missing`), never text, so nobody can put words in the page's
 * mouth with a crafted link. An unknown code shows nothing.
 */
export const SAVED_MESSAGES = {
  recorded: 'The case has been recorded.',
  subject: 'The subject has been added.',
  'subject-changed': 'The subject has been corrected.',
  'subject-removed': 'The subject has been removed.',
  allegation: 'The allegation has been added.',
  'allegation-changed': 'The allegation has been corrected.',
  'allegation-removed': 'The allegation has been removed.',
  conduct: 'The conduct item has been added.',
  'conduct-changed': 'The conduct item has been corrected.',
  'conduct-removed': 'The conduct item has been removed.',
  assessment: 'The severity assessment has been recorded.',
  'sent-for-assessment':
    'The case has been sent to the appropriate authority for assessment: it is now on their My work.',
  'iopc-decision': 'The IOPC referral decision has been recorded.',
  status: 'The status of the case has been changed.',
  // the case's access page
  'access-granted': 'Access given.',
  'access-revoked': 'Access revoked.',
} as const;
export type SavedCode = keyof typeof SAVED_MESSAGES;

export const PROBLEM_MESSAGES = {
  'transition-missing': 'Choose the next status',
  'reason-missing': 'Give the reason for the change',
  'iopc-decision-missing': 'Describe the IOPC referral decision in at least 5 characters',
  'already-sent':
    'This case has already been sent for assessment, or is past it: the appropriate authority has it.',
  'subject-has-allegations':
    'Remove the allegations against this person first, or correct them to name another subject.',
  stale: 'Someone else changed this case after you opened it. Check their change and make yours again.',
} as const;
export type ProblemCode = keyof typeof PROBLEM_MESSAGES;

/** Where each problem's message points on the case page. */
const PROBLEM_FIELDS: Record<ProblemCode, string> = {
  'transition-missing': 'to',
  'reason-missing': 'reason',
  'iopc-decision-missing': 'iopc-decision-text',
  'already-sent': 'send-for-assessment',
  'subject-has-allegations': 'subjects',
  stale: 'transition',
};

export function savedMessage(code: unknown): string | null {
  return typeof code === 'string' && Object.hasOwn(SAVED_MESSAGES, code)
    ? SAVED_MESSAGES[code as SavedCode]
    : null;
}

export function problemMessage(code: unknown): { text: string; href: string } | null {
  return typeof code === 'string' && Object.hasOwn(PROBLEM_MESSAGES, code)
    ? { text: PROBLEM_MESSAGES[code as ProblemCode], href: `#${PROBLEM_FIELDS[code as ProblemCode]}` }
    : null;
}
