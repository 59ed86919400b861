import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { auditContextOf, NotSignedInError, type Principal } from '@precedent/identity';
import type { AuditContext } from '@precedent/audit';
import type { AuthenticatedRequest } from './authenticated-request';

/** Who is acting, and the request id, for audited lib calls. */
export interface RequestContext {
  principal: Principal;
  audit: AuditContext;
  requestId: string;
}

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new NotSignedInError();
  return {
    principal: request.principal,
    audit: auditContextOf(request.principal, request.id),
    requestId: request.id,
  };
});

export const RequestId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<AuthenticatedRequest>().id,
);
