import { ConflictError, InvalidInputError } from '@precedent/platform';
import { MIN_PASSWORD_LENGTH } from './password';
import { ROLES } from './role';

export class UsernameTakenError extends ConflictError {
  constructor(username: string) {
    super('username_taken', `The username "${username}" is already in use. Choose another.`);
  }
}

export class WeakPasswordError extends InvalidInputError {
  constructor() {
    super('weak_password', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`, {
      fields: [{ field: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` }],
    });
  }
}

export class UnknownRoleError extends InvalidInputError {
  constructor(role: string) {
    super('unknown_role', `"${role}" is not a role. Roles are: ${ROLES.join(', ')}.`, { allowed: ROLES });
  }
}
