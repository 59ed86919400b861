import { ACCEPTED_DESCRIPTION } from '@precedent/evidence';

/**
 * Messages a page shows after a redirect, chosen by a code in the address. The address never carries
 * the text itself: anyone can send a link, so text from it could pass off their words as the system's.
 */
export const CASE_PAGE_NOTICES = {
  'upload-too-large': {
    title: 'The file was not added',
    text: 'The file is larger than this service accepts. Nothing was stored.',
  },
  'upload-type-not-accepted': {
    title: 'The file was not added',
    text: `The file’s content is not a type accepted as evidence, so nothing was stored. Accepted: ${ACCEPTED_DESCRIPTION}.`,
  },
  'upload-missing': {
    title: 'The file was not added',
    text: 'No file was received. Choose a file and upload it again.',
  },
  'upload-details-invalid': {
    title: 'The file was not added',
    text: 'The description, the link it came from or who captured it could not be used, so nothing was stored. Check them (a link starts with https://) and upload the file again.',
  },
  'upload-refused': {
    title: 'The file was not added',
    text: 'The file was not accepted, so nothing was stored. Check the details you entered and upload it again.',
  },
  'transition-incomplete': {
    title: 'The change was not made',
    text: 'Choose the next status and give a reason.',
  },
} as const;

export type CasePageNotice = keyof typeof CASE_PAGE_NOTICES;

/** The notice for a code from the address, or null for anything else (which is then ignored). */
export function casePageNotice(code: unknown): { title: string; text: string } | null {
  return typeof code === 'string' && Object.hasOwn(CASE_PAGE_NOTICES, code)
    ? CASE_PAGE_NOTICES[code as CasePageNotice]
    : null;
}

/** The notice for an upload the evidence lib refused, by its error code. */
export function uploadNoticeFor(errorCode: string): CasePageNotice {
  if (errorCode === 'evidence_type_not_accepted') return 'upload-type-not-accepted';
  if (errorCode === 'evidence_file_missing') return 'upload-missing';
  return 'upload-refused';
}
