import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { CasesService } from '@precedent/cases';
import { FailedEvidenceService } from '@precedent/evidence';
import { hasRole, type Principal } from '@precedent/identity';
import { InboxService } from '@precedent/reporting';
import type { AuthenticatedRequest } from '../common/authenticated-request';

/** What needs this person, as the page header counts it: the things My work asks them to act on. */
export interface Attention {
  toAssess: number;
  unreadReplies: number;
  failedEvidence: number;
}

/** The header's count: each thing once, whatever the kind. */
export function attentionCount(attention: Attention): number {
  return attention.toAssess + attention.unreadReplies + attention.failedEvidence;
}

/**
 * Counts, before a staff web page is drawn, what needs the signed-in person (cases sent to them
 * for assessment, reporters' replies they have not read, evidence that failed on their cases), so
 * the header's My work link can say how many. Only counts: nothing is shown, so nothing is
 * audited; My work lists them, audited as it shows them. The JSON API is left alone.
 */
@Injectable()
export class AttentionInterceptor implements NestInterceptor {
  constructor(
    private readonly cases: CasesService,
    private readonly inbox: InboxService,
    private readonly failedEvidence: FailedEvidenceService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const by = req.principal;
    if (!by || req.method !== 'GET' || req.path.startsWith('/api/') || !req.accepts('html'))
      return next.handle();
    return from(this.attentionOf(by)).pipe(
      switchMap((attention) => {
        res.locals.attention = attentionCount(attention);
        return next.handle();
      }),
    );
  }

  private async attentionOf(by: Principal): Promise<Attention> {
    const [toAssess, unreadReplies, failedEvidence] = await Promise.all([
      hasRole(by, 'appropriate_authority')
        ? this.cases.awaitingAssessment(by, { limit: 1 }).then((page) => page.total)
        : 0,
      this.inbox.unreadReplyCount(by),
      this.failedEvidence.countOnCasesOf(by),
    ]);
    return { toAssess, unreadReplies, failedEvidence };
  }
}
