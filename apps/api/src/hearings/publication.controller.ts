import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicationService, type PublicationDecision, type PublishedNotice } from '@precedent/hearings';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { PublicationDecisionDto } from './publication.dto';

function toDecisionResponse(decision: PublicationDecision, published: PublishedNotice | null = null) {
  return {
    id: decision.id,
    hearingId: decision.hearingId,
    subjectId: decision.subjectId,
    stage: decision.stage,
    publish: decision.publish,
    withheld: decision.withheld,
    withheldOther: decision.withheldOther,
    reasons: decision.reasons,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt.toISOString(),
    publishedNoticeId: decision.publishedNoticeId,
    ...(published ? { publishFrom: published.publishFrom, removeOn: published.removeOn } : {}),
  };
}

/**
 * The chair's publication decisions for a public hearing. The chair (a panel member in the chair's
 * seat of this hearing) decides; the appropriate authority may record it for them. Anyone else, or a
 * hearing of a case the caller cannot open, is "not found".
 */
@ApiTags('hearings')
@ApiBearerAuth()
@Controller('api/hearings/:id/publication')
export class PublicationController {
  constructor(private readonly publication: PublicationService) {}

  @Post()
  @Roles('panel_member', 'appropriate_authority')
  @ApiOperation({
    summary:
      "Record the chair's decision on a hearing notice or outcome report: what is published, what is withheld and why; audited",
  })
  async decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublicationDecisionDto,
    @Ctx() ctx: RequestContext,
  ) {
    const { decision, published } = await this.publication.decide(id, body, ctx.principal, ctx.requestId);
    return toDecisionResponse(decision, published);
  }

  @Get()
  @Roles('investigator', 'appropriate_authority', 'panel_member', 'senior_officer')
  async list(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext) {
    const items = await this.publication.forHearing(id, ctx.principal, ctx.requestId);
    return { items: items.map((d) => toDecisionResponse(d)) };
  }
}
