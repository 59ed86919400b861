import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseContentsService } from '@precedent/cases';
import { HearingsService, OutcomesService } from '@precedent/hearings';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { Roles } from '../../common/roles.decorator';
import { one, type Form } from '../hearing-forms';
import { HearingPage, principalOf } from './hearing-page';
import { outcomeFromForm, outcomeRefusal } from './outcome-form';

/**
 * The panel's outcome form on the hearing page: findings, seriousness and outcome for one subject,
 * recorded through the outcomes service (which writes the precedent); refusals go to the summary.
 */
@ApiExcludeController()
@Controller('hearings')
@Roles('panel_member', 'appropriate_authority')
export class HearingOutcomePagesController {
  constructor(
    private readonly page: HearingPage,
    private readonly hearings: HearingsService,
    private readonly outcomes: OutcomesService,
    private readonly contents: CaseContentsService,
  ) {}

  @Post(':id/outcome')
  async recordOutcome(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    const { hearing } = await this.hearings.view(id, principal, req.id);
    const contents = await this.contents.contents(hearing.caseId, principal, req.id);
    const allegations = contents.allegations.filter((a) => a.subjectId === one(body.subjectId));
    const { input, errors } = outcomeFromForm(body, allegations);
    if (errors.length) return this.page.render(req, res, id, 400, body, errors);
    try {
      await this.outcomes.record(hearing.caseId, input, principal, req.id);
      res.redirect(303, `/cases/${hearing.caseId}#timeline`);
    } catch (error) {
      const refused = outcomeRefusal(error);
      if (!refused) throw error;
      return this.page.render(req, res, id, 422, body, refused);
    }
  }
}
