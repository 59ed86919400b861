// Identity: users, roles, sign-in, sessions and the case access policy.
export { IdentityModule } from './identity.module';
export { UsersService, type CreateUserInput, type UpdateUserInput } from './users/users.service';
export { AuthService, type SignedIn } from './auth/auth.service';
export { RoleApprovalsService, type PendingRoleApproval } from './users/role-approvals.service';
export { ROLES, CASE_CONTENT_ROLES, type Role, isRole } from './users/role';
export { MIN_PASSWORD_LENGTH } from './users/password';
export { type Principal, hasRole, auditContextOf } from './auth/principal';
export {
  InvalidCredentialsError,
  SignInLockedError,
  NotSignedInError,
  ForbiddenRoleError,
} from './auth/auth.errors';
export { UsernameTakenError, WeakPasswordError, UnknownRoleError } from './users/user.errors';
export {
  caseAccessReason,
  canOpenCase,
  type CaseAccessFacts,
  type CaseAccessReason,
} from './access/case-access.rules';
export type { User } from './users/user.entity';
export type { SessionKind } from './auth/auth-session.entity';
