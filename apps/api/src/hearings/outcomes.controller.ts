import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppealsService, ListReferralsService, OutcomesService } from '@precedent/hearings';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { DecideAppealDto, ListReferralDto, LodgeAppealDto, RecordOutcomeDto } from './outcome.dto';
import { toAppealResponse, toOutcomeResponse } from './hearing.response';

/** Findings, outcomes and appeals of a case. */
@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('api/cases/:id')
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly appeals: AppealsService,
    private readonly listReferrals: ListReferralsService,
  ) {}

  @Post('outcome')
  @Roles('panel_member', 'appropriate_authority')
  @ApiOperation({
    summary:
      "Record a subject's findings, seriousness and outcome; writes the anonymised precedent in the same transaction",
  })
  async record(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordOutcomeDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toOutcomeResponse(await this.outcomes.record(id, body, ctx.principal, ctx.requestId));
  }

  @Get('outcome')
  @Roles('investigator', 'appropriate_authority', 'panel_member', 'senior_officer')
  async get(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext) {
    const items = await this.outcomes.forCase(id, ctx.principal, ctx.requestId);
    return { items: items.map((i) => toOutcomeResponse(i.outcome, i.findings, i.appeals)) };
  }

  @Post('outcome/list-referral')
  @Roles('appropriate_authority')
  @ApiOperation({
    summary:
      'Record the referral to the College of Policing for the barred or advisory list: what was sent, when, by whom',
  })
  async listReferral(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ListReferralDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toOutcomeResponse(
      await this.listReferrals.recordListReferral(id, body, ctx.principal, ctx.requestId),
    );
  }

  @Post('appeals')
  @Roles('investigator', 'appropriate_authority')
  @ApiOperation({
    summary: 'Lodge an appeal; one given after the time limit is refused with the rule and the last day',
  })
  async lodge(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LodgeAppealDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toAppealResponse(await this.appeals.lodgeAppeal(id, body, ctx.principal, ctx.requestId));
  }

  @Post('appeals/:appealId/decision')
  @Roles('investigator', 'appropriate_authority')
  @ApiOperation({
    summary: "Record the appeal's result; a varied outcome rewrites the precedent and the live warning",
  })
  async decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('appealId', ParseUUIDPipe) appealId: string,
    @Body() body: DecideAppealDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toAppealResponse(
      await this.appeals.decideAppeal(id, appealId, body, ctx.principal, ctx.requestId),
    );
  }
}
