import { Body, Controller, Get, Next, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Response } from 'express';
import {
  CASE_STATUSES,
  CaseNotAwaitingAssessmentError,
  CasesService,
  type CaseStatus,
} from '@precedent/cases';
import { ROLES } from '@precedent/identity';
import { DomainError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { Roles } from '../../common/roles.decorator';
import { one, type Posted } from '../case-forms';
import type { ProblemCode, SavedCode } from './case-messages';

/** Each form of the case page, by the address it posts to, and the tab it belongs to. */
const FORM_TABS: Record<string, string> = {
  subjects: 'subjects',
  allegations: 'subjects',
  'conduct-items': 'conduct',
  assessment: 'assessment',
  transitions: 'transition',
  'send-for-assessment': 'summary',
  'iopc-referral': 'summary',
  evidence: 'evidence',
};

/**
 * The case's workflow from the case page: sending it for assessment, the IOPC referral decision and
 * the change of status. Every form posts, then redirects to the case page with a code for the
 * message to show (post, redirect, get), so reloading never posts again and every address the
 * browser shows also answers a GET. Who may do what comes from the cases lib (permissionsFor).
 */
@ApiExcludeController()
@Controller('cases')
@Roles(...ROLES)
export class CaseWorkflowPagesController {
  constructor(private readonly cases: CasesService) {}

  /**
   * A form's address typed in or reloaded: the case page, at the form's tab. Any other address is
   * passed on, so pages of other controllers under /cases/:id/ (such as the access page) answer
   * whichever order the controllers were registered in.
   */
  @Get(':id/:form')
  formAddress(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('form') form: string,
    @Res() res: Response,
    @Next() next: NextFunction,
  ): void {
    const tab = FORM_TABS[form];
    if (!tab) return next();
    res.redirect(303, `/cases/${id}#${tab}`);
  }

  @Post(':id/send-for-assessment')
  @Roles('investigator')
  async sendForAssessment(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.cases.sendForAssessment(id, one(body.note).trim().slice(0, 2000), principalOf(req), req.id);
    } catch (error) {
      if (error instanceof CaseNotAwaitingAssessmentError) return back(res, id, { problem: 'already-sent' });
      throw error;
    }
    back(res, id, { saved: 'sent-for-assessment' });
  }

  @Post(':id/iopc-referral')
  @Roles('appropriate_authority')
  async recordIopcDecision(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ): Promise<void> {
    const decision = one(body.decision).trim();
    if (decision.length < 5 || decision.length > 2000)
      return back(res, id, { problem: 'iopc-decision-missing' });
    const version = Number.parseInt(one(body.version), 10);
    try {
      await this.cases.update(id, { version, iopcReferralDecision: decision }, principalOf(req), req.id);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'conflict')
        return back(res, id, { problem: 'stale' });
      throw error;
    }
    back(res, id, { saved: 'iopc-decision' });
  }

  @Post(':id/transitions')
  async transition(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ): Promise<void> {
    const to = one(body.to);
    const reason = one(body.reason).trim().slice(0, 2000);
    if (!(CASE_STATUSES as readonly string[]).includes(to))
      return back(res, id, { problem: 'transition-missing' });
    if (reason.length < 3) return back(res, id, { problem: 'reason-missing', to });
    const version = Number.parseInt(one(body.version), 10);
    try {
      await this.cases.transition(
        id,
        { to: to as CaseStatus, reason, ...(Number.isFinite(version) ? { version } : {}) },
        principalOf(req),
        req.id,
      );
    } catch (error) {
      if (!(error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'invalid')))
        throw error;
      // the page asks the lib again why not, in its words: the address carries only the status chosen
      return back(res, id, error.code === 'stale_version' ? { problem: 'stale' } : { refused: to });
    }
    back(res, id, { saved: 'status' });
  }
}

function back(
  res: Response,
  id: string,
  message: { saved?: SavedCode; problem?: ProblemCode; refused?: string; to?: string },
): void {
  const query = new URLSearchParams(
    Object.entries(message).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const tab =
    message.saved === 'status' ? 'timeline' : message.problem || message.refused ? 'transition' : 'summary';
  res.redirect(303, `/cases/${id}?${query}#${message.saved === 'iopc-decision' ? 'iopc-decision' : tab}`);
}

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new Error('The case pages are for signed-in users only');
  return req.principal;
}
