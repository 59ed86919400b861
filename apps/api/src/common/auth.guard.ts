import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService, ForbiddenRoleError, NotSignedInError, type Role } from '@precedent/identity';
import { IS_PUBLIC } from '@precedent/platform';
import { AuthenticatedRequest, SESSION_COOKIE } from './authenticated-request';
import { REQUIRED_ROLES } from './roles.decorator';

/**
 * Denies by default. `/api` takes a bearer token; web pages take the session cookie (their forms
 * carry a CSRF token). Then the route's roles, when it names any.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = credentialOf(request);
    if (token) request.principal = (await this.auth.authenticate(token)) ?? undefined;
    // views show who is signed in, error pages included
    if (request.principal) request.res!.locals.principal = request.principal;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!request.principal) throw new NotSignedInError();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !request.principal.roles.some((r) => roles.includes(r))) {
      throw new ForbiddenRoleError(roles);
    }
    return true;
  }
}

function credentialOf(request: AuthenticatedRequest): string | undefined {
  if (request.path.startsWith('/api/')) {
    const header = request.headers.authorization;
    return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  }
  const cookies = request.cookies as Record<string, string> | undefined;
  return cookies?.[SESSION_COOKIE];
}
