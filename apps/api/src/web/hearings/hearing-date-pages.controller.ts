import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { HearingDatesService, HearingPanelService } from '@precedent/hearings';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { words } from '../../common/code-words';
import { Roles } from '../../common/roles.decorator';
import { AdjournDto, FixDateDto, HearingDateDto, PANEL_ROLES, SeatDto } from '../../hearings/hearing.dto';
import { one, type Form } from '../hearing-forms';
import { CASEWORK, DATE_FIELDS, HearingPage, type HearingFormStep } from './hearing-page';

const DATE_MESSAGES: Record<string, string> = {
  date: 'Enter the date as YYYY-MM-DD, for example 2027-01-06',
  startsAt: 'Enter the start time as HH:MM on the 24-hour clock, for example 10:00',
  venue: 'Enter the venue in 2 to 300 characters',
  remoteLink: 'Enter the remote link as an https:// address',
};
const PROPOSE: HearingFormStep<HearingDateDto> = {
  dto: HearingDateDto,
  fields: DATE_FIELDS,
  messages: DATE_MESSAGES,
  errorTitle: 'The date was not proposed',
  field: '#date',
  section: '#dates',
};
const FIX: HearingFormStep<FixDateDto> = {
  ...PROPOSE,
  dto: FixDateDto,
  errorTitle: 'The date was not fixed',
};
const ADJOURN: HearingFormStep<AdjournDto> = {
  dto: AdjournDto,
  fields: ['reason'],
  messages: { reason: 'Give the reason for adjourning, in at least 3 characters' },
  ids: { reason: 'adjournReason' },
  errorTitle: 'The hearing was not adjourned',
  field: '#adjournReason',
  section: '#dates',
};

/** Seating a member: the problem links to the seat the form was for. */
function seatStep(role: string): HearingFormStep<SeatDto> {
  const field = (PANEL_ROLES as string[]).includes(role) ? `seat-${role}` : 'panel';
  return {
    dto: SeatDto,
    fields: ['panelMemberId', 'role'],
    messages: { panelMemberId: `Choose a member for the ${words(role)} seat`, role: 'Choose a seat to fill' },
    ids: { panelMemberId: field, role: field },
    errorTitle: 'The member was not seated',
    field: `#${field}`,
    section: '#panel',
  };
}

/**
 * Arranging a hearing on its page: proposing, fixing and adjourning the date (which plans and
 * cancels the notices) and seating the panel, through the services the API uses.
 */
@ApiExcludeController()
@Controller('hearings')
@Roles(...CASEWORK)
export class HearingDatePagesController {
  constructor(
    private readonly page: HearingPage,
    private readonly dates: HearingDatesService,
    private readonly panel: HearingPanelService,
  ) {}

  @Post(':id/proposed-date')
  async propose(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    await this.page.submit(req, res, id, body, PROPOSE, (value, by) =>
      this.dates.proposeDate(id, value, by, req.id),
    );
  }

  @Post(':id/fixed-date')
  async fix(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    await this.page.submit(req, res, id, body, FIX, (value, by) => this.dates.fixDate(id, value, by, req.id));
  }

  @Post(':id/adjournments')
  async adjourn(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    await this.page.submit(req, res, id, body, ADJOURN, (value, by) =>
      this.dates.adjourn(id, value.reason, by, req.id),
    );
  }

  @Post(':id/panel')
  async seat(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    await this.page.submit(req, res, id, body, seatStep(one(body.role)), (value, by) =>
      this.panel.seat(id, value, by, req.id),
    );
  }
}
