import { InvalidInputError, NotFoundError } from '@precedent/platform';
import { ACCEPTED_DESCRIPTION } from './evidence-type.rules';

export class EvidenceNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('evidence item', id);
  }
}

export class EvidenceTypeNotAcceptedError extends InvalidInputError {
  constructor(detected: string) {
    super(
      'evidence_type_not_accepted',
      `This file was not stored: its content is ${detected}, which is not accepted as evidence. Accepted: ${ACCEPTED_DESCRIPTION}. The type is read from the file's content, not its name.`,
      { detected, accepted: ACCEPTED_DESCRIPTION },
    );
  }
}

export class EvidenceFileMissingError extends InvalidInputError {
  constructor() {
    super(
      'evidence_file_missing',
      'No file was received. Send it as multipart/form-data, in the field named "file".',
    );
  }
}

/** A processing failure a retry cannot fix (the bytes themselves are the problem). */
export class EvidenceUnprocessableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceUnprocessableError';
  }
}
