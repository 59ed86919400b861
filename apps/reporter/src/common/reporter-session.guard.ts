import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ReporterService, ReporterSessionEndedError } from '@precedent/reporting';

interface ReporterRequest extends Request {
  reportId?: string;
  reporterToken?: string;
}

/** Routes behind a receipt sign-in: "Authorization: Bearer <token>" from POST /api/session. */
@Injectable()
export class ReporterSessionGuard implements CanActivate {
  constructor(private readonly reporter: ReporterService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ReporterRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new ReporterSessionEndedError();
    request.reportId = await this.reporter.reportOf(token);
    request.reporterToken = token;
    return true;
  }
}

/** The report the signed-in reporter may see: set by ReporterSessionGuard. */
export const SignedInReport = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): { reportId: string; token: string } => {
    const request = ctx.switchToHttp().getRequest<ReporterRequest>();
    if (!request.reportId || !request.reporterToken) throw new ReporterSessionEndedError();
    return { reportId: request.reportId, token: request.reporterToken };
  },
);
