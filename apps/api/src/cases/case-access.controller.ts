import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseAccessService, type CaseAccessView, type GrantView } from '@precedent/cases';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { ChangeCaseAccessDto, GrantCaseDto, RevokeGrantDto } from './case-access.dto';

export function toGrantResponse({ grant, inForce }: GrantView) {
  return {
    id: grant.id,
    userId: grant.userId,
    grantedBy: grant.grantedBy,
    grantedAt: grant.grantedAt.toISOString(),
    reason: grant.reason,
    until: grant.until,
    inForce,
    revokedAt: grant.revokedAt?.toISOString() ?? null,
    revokedBy: grant.revokedBy,
    revokeReason: grant.revokeReason,
  };
}

export function toAccessResponse(view: CaseAccessView) {
  return {
    caseId: view.caseId,
    reference: view.reference,
    version: view.version,
    restricted: view.restricted,
    team: view.team,
    assignedInvestigatorId: view.assignedInvestigatorId,
    grants: view.grants.map(toGrantResponse),
  };
}

/**
 * Who may open a case. The appropriate authority (on cases they may open) and an access manager (on
 * any case) change it, with a reason; every change is audited and on the timeline.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases/:id')
export class CaseAccessController {
  constructor(private readonly access: CaseAccessService) {}

  @Get('access')
  @Roles('appropriate_authority', 'access_manager')
  @ApiOperation({ summary: 'Who may open the case: restriction, team, investigator and grants' })
  async show(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return toAccessResponse(await this.access.access(id, ctx.principal));
  }

  @Put('access')
  @Roles('appropriate_authority', 'access_manager')
  @ApiOperation({
    summary: 'Change whether the case is restricted, its team or its investigator, with a reason',
    description:
      'A change that would leave a restricted case that only you (or nobody) could open is refused with 422.',
  })
  async change(@Param('id') id: string, @Body() body: ChangeCaseAccessDto, @Ctx() ctx: RequestContext) {
    return toAccessResponse(await this.access.changeAccess(id, body, ctx.principal, ctx.requestId));
  }

  @Get('grants')
  @ApiOperation({ summary: 'Grants of the case, in force or not (for those who may open it)' })
  async grants(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    const view = await this.access.access(id, ctx.principal);
    return { items: view.grants.map(toGrantResponse), total: view.grants.length };
  }

  @Post('grants')
  @Roles('appropriate_authority', 'access_manager')
  @ApiOperation({ summary: 'Give the case to one person until a day, with a reason' })
  async grant(@Param('id') id: string, @Body() body: GrantCaseDto, @Ctx() ctx: RequestContext) {
    return toGrantResponse(await this.access.grant(id, body, ctx.principal, ctx.requestId));
  }

  @Post('grants/:grantId/revoke')
  @Roles('appropriate_authority', 'access_manager')
  @ApiOperation({ summary: 'Revoke a grant, with a reason' })
  async revoke(
    @Param('id') id: string,
    @Param('grantId') grantId: string,
    @Body() body: RevokeGrantDto,
    @Ctx() ctx: RequestContext,
  ) {
    return toGrantResponse(await this.access.revoke(id, grantId, body.reason, ctx.principal, ctx.requestId));
  }
}
