import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppealsService, HearingsService } from '@precedent/hearings';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { Roles } from '../../common/roles.decorator';
import { DecideAppealDto, LodgeAppealDto } from '../../hearings/outcome.dto';
import { many, type Form } from '../hearing-forms';
import { CASEWORK, HearingPage, type HearingFormStep } from './hearing-page';

const LODGE: HearingFormStep<LodgeAppealDto> = {
  dto: LodgeAppealDto,
  fields: ['subjectId', 'lodgedOn', 'details'],
  more: (body) => ({ grounds: many(body.grounds) }),
  messages: {
    subjectId: 'Choose the outcome that is appealed',
    lodgedOn: 'Enter the day the appeal was lodged as YYYY-MM-DD, or leave it empty for today',
    grounds: 'Choose at least one ground of appeal',
    details: 'Describe the appeal in at least 10 characters',
  },
  ids: {
    lodgedOn: 'appealLodgedOn',
    grounds: 'appealGrounds',
    details: 'appealDetails',
    subjectId: 'appeals',
  },
  errorTitle: 'The appeal was not recorded',
  field: '#appealLodgedOn',
  section: '#appeals',
};
const DECIDE: HearingFormStep<DecideAppealDto> = {
  dto: DecideAppealDto,
  fields: ['result', 'variedOutcome', 'reasons', 'decidedOn'],
  messages: {
    result: 'Choose the result of the appeal',
    variedOutcome: 'Choose the outcome it was varied to',
    reasons: 'Give the reasons in at least 10 characters',
    decidedOn: 'Enter the day of the appeal decision as YYYY-MM-DD, or leave it empty for today',
  },
  ids: {
    result: 'appealResult',
    variedOutcome: 'variedOutcome',
    reasons: 'appealReasons',
    decidedOn: 'appealDecidedOn',
  },
  errorTitle: 'The appeal result was not recorded',
  field: '#appealResult',
  section: '#appeals',
};

/**
 * Appeals on the hearing page, through the same service (and time limit) as the API: lodged against
 * an outcome the hearing gave, then decided; a varied or allowed appeal rewrites the precedent.
 */
@ApiExcludeController()
@Controller('hearings')
@Roles(...CASEWORK)
export class HearingAppealPagesController {
  constructor(
    private readonly page: HearingPage,
    private readonly hearings: HearingsService,
    private readonly appeals: AppealsService,
  ) {}

  @Post(':id/appeals')
  async lodgeAppeal(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    await this.page.submit(req, res, id, body, LODGE, async (value, by) => {
      const { hearing } = await this.hearings.view(id, by, req.id);
      return this.appeals.lodgeAppeal(hearing.caseId, value, by, req.id);
    });
  }

  @Post(':id/appeals/:appealId/decision')
  async decideAppeal(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('appealId', ParseUUIDPipe) appealId: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    await this.page.submit(req, res, id, body, DECIDE, async (value, by) => {
      const { hearing } = await this.hearings.view(id, by, req.id);
      return this.appeals.decideAppeal(hearing.caseId, appealId, value, by, req.id);
    });
  }
}
