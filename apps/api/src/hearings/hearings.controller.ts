import type { Response } from 'express';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  HearingDatesService,
  HearingPanelService,
  HearingsService,
  PanelPoolService,
  PreHearingsService,
} from '@precedent/hearings';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import {
  AddPanelMemberDto,
  AddRelationshipDto,
  AdjournDto,
  AlternativeDateDto,
  AvailabilityDto,
  CreateHearingDto,
  FixDateDto,
  HearingDateDto,
  PreHearingDto,
  SeatDto,
  SpecialConditionsDto,
} from './hearing.dto';
import {
  toHearingResponse,
  toHearingViewResponse,
  toPanelMemberResponse,
  toRelationshipResponse,
  toSeatResponse,
} from './hearing.response';

const CASEWORK = ['investigator', 'appropriate_authority'] as const;
const CASE_READERS = ['investigator', 'appropriate_authority', 'panel_member', 'senior_officer'] as const;

/** Meetings and hearings: arranged on referral, panel seated, dates proposed, fixed and adjourned. */
@ApiTags('hearings')
@ApiBearerAuth()
@Controller('api')
export class HearingsController {
  constructor(
    private readonly hearings: HearingsService,
    private readonly dates: HearingDatesService,
    private readonly preHearings: PreHearingsService,
    private readonly panel: HearingPanelService,
    private readonly pool: PanelPoolService,
  ) {}

  @Post('hearings')
  @Roles(...CASEWORK)
  @ApiOperation({
    summary: 'Arrange the meeting or hearing of a case referred to one; the officer is given notice',
  })
  async create(@Body() body: CreateHearingDto, @Ctx() ctx: RequestContext) {
    return toHearingResponse(await this.hearings.create(body, ctx.principal, ctx.requestId));
  }

  @Get('hearings/:id')
  @Roles(...CASE_READERS)
  @ApiOkResponse({ description: 'The hearing with its panel, date history and notices' })
  async get(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext) {
    return toHearingViewResponse(await this.hearings.view(id, ctx.principal, ctx.requestId));
  }

  @Get('hearings/:id/calendar.ics')
  @Roles(...CASE_READERS)
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'The hearing as an iCalendar (RFC 5545) event for panel members' })
  async calendar(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() ctx: RequestContext,
    @Res() response: Response,
  ) {
    const file = await this.hearings.calendarFile(id, ctx.principal, ctx.requestId);
    response.setHeader('content-type', 'text/calendar; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    response.send(file.body);
  }

  @Get('cases/:id/hearings')
  @Roles(...CASE_READERS)
  async forCase(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext) {
    return {
      items: (await this.hearings.forCase(id, ctx.principal, ctx.requestId)).map(toHearingViewResponse),
    };
  }

  @Post('hearings/:id/proposed-date')
  @Roles(...CASEWORK)
  @ApiOperation({
    summary: 'Propose a date: refused with the rule and the earliest lawful date when it breaks one',
  })
  async propose(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HearingDateDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toHearingResponse(await this.dates.proposeDate(id, body, ctx.principal, ctx.requestId));
  }

  @Post('hearings/:id/fixed-date')
  @Roles(...CASEWORK)
  @ApiOperation({
    summary: 'Fix the date: lawful, a complete panel without conflicts, a venue or link; notices follow',
  })
  async fix(@Param('id', ParseUUIDPipe) id: string, @Body() body: FixDateDto, @Ctx() ctx: RequestContext) {
    return toHearingResponse(await this.dates.fixDate(id, body, ctx.principal, ctx.requestId));
  }

  @Post('hearings/:id/alternative-date')
  @Roles(...CASEWORK)
  @ApiOperation({
    summary:
      "Record the officer's alternative date for a misconduct meeting (reg 34): within 5 working days after the chair's date, else refused with the last lawful date",
  })
  async alternativeDate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AlternativeDateDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toHearingResponse(await this.dates.officerAlternativeDate(id, body, ctx.principal, ctx.requestId));
  }

  @Post('hearings/:id/pre-hearing')
  @Roles(...CASEWORK)
  @ApiOperation({
    summary:
      'Set the pre-hearing of a misconduct hearing (reg 33): within 15 working days of the documents reaching the chair, later only with extensionReason',
  })
  async preHearing(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PreHearingDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toHearingResponse(await this.preHearings.setPreHearing(id, body, ctx.principal, ctx.requestId));
  }

  @Post('hearings/:id/pre-hearing/alternative-date')
  @Roles(...CASEWORK)
  @ApiOperation({
    summary:
      "Record the officer's alternative pre-hearing date (reg 33(3)): within 5 working days after the chair's",
  })
  async preHearingAlternative(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AlternativeDateDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toHearingResponse(
      await this.preHearings.preHearingAlternative(id, body, ctx.principal, ctx.requestId),
    );
  }

  @Put('hearings/:id/special-conditions')
  @Roles(...CASEWORK)
  @ApiOperation({
    summary:
      'Accelerated hearings (reg 49): who certified the special conditions (they may not chair) and whether the chief officer is an interested party',
  })
  async specialConditions(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SpecialConditionsDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toHearingResponse(await this.panel.setSpecialConditions(id, body, ctx.principal, ctx.requestId));
  }

  @Post('hearings/:id/adjournments')
  @Roles(...CASEWORK)
  async adjourn(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AdjournDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toHearingResponse(await this.dates.adjourn(id, body.reason, ctx.principal, ctx.requestId));
  }

  @Post('hearings/:id/panel')
  @Roles(...CASEWORK)
  @ApiOperation({ summary: 'Seat a panel member; composition and conflicts are refused with the reason' })
  async seat(@Param('id', ParseUUIDPipe) id: string, @Body() body: SeatDto, @Ctx() ctx: RequestContext) {
    return toSeatResponse(await this.panel.seat(id, body, ctx.principal, ctx.requestId));
  }

  @Post('panel-members')
  @Roles('admin', 'appropriate_authority')
  async addMember(@Body() body: AddPanelMemberDto, @Ctx() ctx: RequestContext) {
    return toPanelMemberResponse(await this.pool.add(body, ctx.principal, ctx.requestId));
  }

  @Get('panel-members')
  @Roles('admin', ...CASEWORK)
  async members() {
    return { items: (await this.pool.list()).map(toPanelMemberResponse) };
  }

  @Put('panel-members/:id/availability')
  @Roles('admin', 'appropriate_authority', 'panel_member')
  async availability(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AvailabilityDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toPanelMemberResponse(
      await this.pool.setAvailability(
        id,
        body.unavailableOn,
        ctx.principal,
        ctx.requestId,
        body.unavailablePeriods,
      ),
    );
  }

  @Post('panel-members/:id/relationships')
  @Roles('admin', 'appropriate_authority')
  async relationship(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddRelationshipDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toRelationshipResponse(await this.pool.addRelationship(id, body, ctx.principal, ctx.requestId));
  }
}
