import { DomainError } from '@precedent/platform';

/** The one answer to every wrong, unknown or malformed receipt code. */
export class ReceiptNotRecognisedError extends DomainError {
  readonly code = 'receipt_not_recognised';
  readonly kind = 'unauthorized';
  constructor() {
    super('That receipt code was not recognised. Check each digit and try again.');
  }
}

export class ReceiptAttemptsExceededError extends DomainError {
  readonly code = 'too_many_attempts';
  readonly kind = 'too_many';
  constructor(retryAfterSeconds: number) {
    super(
      `Too many codes have been tried. Wait ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes, then try again.`,
      { retryAfterSeconds },
    );
  }
}

export class ReporterSessionEndedError extends DomainError {
  readonly code = 'reporter_session_ended';
  readonly kind = 'unauthorized';
  constructor() {
    super('You are not signed in, or your sign-in has ended. Sign in again with your receipt code.');
  }
}

export class EmptyFieldError extends DomainError {
  readonly code = 'empty_report';
  readonly kind = 'invalid';
  constructor(field: string) {
    super(`Write something in ${field}: it cannot be empty or only spaces.`, {
      fields: [{ field, message: `${field} is empty` }],
    });
  }
}

export class ReportAlreadyHasCaseError extends DomainError {
  readonly code = 'report_already_has_case';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super('A case has already been made from this report.', { caseId });
  }
}

export class AttachmentEmptyError extends DomainError {
  readonly code = 'attachment_empty';
  readonly kind = 'invalid';
  constructor() {
    super('The file you attached is empty. Choose the file again. Nothing was sent.');
  }
}

export class AttachmentNotAcceptedError extends DomainError {
  readonly code = 'attachment_not_accepted';
  readonly kind = 'invalid';
  constructor(reason: string) {
    super(`${reason} Nothing was sent.`);
  }
}

export class AttachmentMissingError extends DomainError {
  readonly code = 'attachment_missing';
  readonly kind = 'invalid';
  constructor() {
    super('Attach a file in the "file" field of a multipart/form-data request.');
  }
}

export class ReportHasCaseError extends DomainError {
  readonly code = 'report_has_case';
  readonly kind = 'conflict';
  constructor(caseId: string) {
    super('This report is linked to a case, so it stays open with the case and cannot be closed.', {
      caseId,
    });
  }
}

/** The portal is taking as many reports as it can just now (its budget or its capacity): nothing was saved. */
export class SubmissionsBusyError extends DomainError {
  readonly code = 'reports_busy';
  readonly kind = 'too_many';
  constructor(retryAfterSeconds: number) {
    super(
      `Too many reports are being sent just now, so yours was not saved. Wait ${minutesInWords(retryAfterSeconds)}, then send it again.`,
      { retryAfterSeconds },
    );
  }
}

function minutesInWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
