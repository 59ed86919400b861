import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxService } from '@precedent/reporting';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { CaseFromReportDto, ListAnonymousReportsQuery, MessageToReporterDto } from './anonymous-report.dto';
import {
  toInboxItemResponse,
  toInboxReportResponse,
  toStaffMessageResponse,
} from './anonymous-report.response';

/**
 * PSD's inbox of reports from the anonymous portal. Investigators and appropriate authorities triage
 * them; administrators, who read no case content, do not. Every read and action is audited.
 */
@ApiTags('anonymous reports')
@ApiBearerAuth()
@Roles('investigator', 'appropriate_authority')
@Controller('api/anonymous-reports')
export class AnonymousReportsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'Anonymous reports, newest first' })
  async list(@Query() query: ListAnonymousReportsQuery, @Ctx() ctx: RequestContext) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const { items, total } = await this.inbox.list(
      { status: query.status, limit, offset },
      ctx.principal,
      ctx.requestId,
    );
    return { items: items.map(toInboxItemResponse), total, limit, offset };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A report with its messages; opening it moves it from received to in review' })
  async open(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return toInboxReportResponse(await this.inbox.open(id, ctx.principal, ctx.requestId));
  }

  @Post(':id/messages')
  @ApiOperation({ summary: 'Write to the reporter, who reads it after signing in with the receipt code' })
  async send(@Param('id') id: string, @Body() body: MessageToReporterDto, @Ctx() ctx: RequestContext) {
    return toStaffMessageResponse(await this.inbox.send(id, body.body, ctx.principal, ctx.requestId));
  }

  @Post(':id/case')
  @ApiOperation({ summary: 'Make a case (source anonymous) from the report, keeping the link' })
  async createCase(@Param('id') id: string, @Body() body: CaseFromReportDto, @Ctx() ctx: RequestContext) {
    return this.inbox.createCase(id, body, ctx.principal, ctx.requestId);
  }
}
