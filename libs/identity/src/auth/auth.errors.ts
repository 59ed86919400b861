import { DomainError } from '@precedent/platform';

export class InvalidCredentialsError extends DomainError {
  readonly code = 'invalid_credentials';
  readonly kind = 'unauthorized';
  constructor() {
    super('The username or password is not right. Check them and try again.');
  }
}

export class SignInLockedError extends DomainError {
  readonly code = 'sign_in_locked';
  readonly kind = 'too_many';
  constructor(until: Date) {
    super(
      `Too many failed sign-ins for this username. Try again after ${until.toLocaleTimeString('en-GB', {
        timeZone: 'Europe/London',
        hour: '2-digit',
        minute: '2-digit',
      })} (UK time), or ask an administrator to unlock it.`,
      { retryAfter: until.toISOString() },
    );
  }
}

export class NotSignedInError extends DomainError {
  readonly code = 'not_signed_in';
  readonly kind = 'unauthorized';
  constructor() {
    super('Sign in first: send "Authorization: Bearer <token>" from POST /api/auth/login.');
  }
}

/** The roles as people name them, for the message a person sees when a page is not for them. */
const ROLE_NAMES: Record<string, string> = {
  admin: 'administrators',
  investigator: 'investigators',
  appropriate_authority: 'the appropriate authority',
  panel_member: 'panel members',
  senior_officer: 'senior officers',
};

export class ForbiddenRoleError extends DomainError {
  readonly code = 'role_required';
  readonly kind = 'forbidden';
  constructor(roles: readonly string[]) {
    const named = roles.map((role) => ROLE_NAMES[role] ?? role.replace(/_/g, ' '));
    super(`This is for ${named.join(' or ')}. Ask an administrator if your work requires it.`, {
      requiredRoles: roles,
    });
  }
}
