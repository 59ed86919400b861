/** What went wrong, in terms an HTTP app maps to a status and a CLI to an exit code. */
export type DomainErrorKind =
  'not_found' | 'conflict' | 'forbidden' | 'invalid' | 'unauthorized' | 'too_many';

/**
 * Errors raised by libs. They know nothing of HTTP; the message is for the person using the
 * system and says what to do. `details` carries structured facts (allowed states, failing fields).
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  readonly kind = 'not_found';
  constructor(what: string, id?: string) {
    super(id ? `No ${what} with id ${id} exists, or you do not have access to it.` : `No such ${what}.`);
  }
}

export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    readonly code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'forbidden';
}
