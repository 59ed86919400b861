import { SetMetadata } from '@nestjs/common';
import type { Role } from '@precedent/identity';

export const REQUIRED_ROLES = 'precedent:roles';

/** The route needs one of these roles. Row-level access (which case) is checked by the lib. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
