import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InboxService } from '@precedent/reporting';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import {
  CaseFromReportDto,
  LinkReportToCaseDto,
  ListAnonymousReportsQuery,
  MessageToReporterDto,
} from './anonymous-report.dto';
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
  @ApiOperation({ summary: 'A report with its messages; reading it changes nothing' })
  async open(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return toInboxReportResponse(await this.inbox.open(id, ctx.principal, ctx.requestId));
  }

  @Get(':id/attachments/:attachmentId')
  @ApiProduces('image/png', 'image/jpeg', 'image/webp', 'image/gif')
  @ApiOperation({
    summary: "A reporter's attachment, as stored: identifying metadata was removed before it was kept",
    description: 'X-Metadata-Removed: true says so on every answer. The read is audited.',
  })
  async attachment(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.inbox.attachment(id, attachmentId, ctx.principal, ctx.requestId);
    response.setHeader('X-Metadata-Removed', 'true');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.bytes, {
      type: file.type,
      length: file.bytes.length,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start the review: a received report moves to in review' })
  async review(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.inbox.startReview(id, ctx.principal, ctx.requestId);
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

  @Post(':id/link')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Link the report to an existing case; the case keeps its source, its timeline records the link',
  })
  async link(@Param('id') id: string, @Body() body: LinkReportToCaseDto, @Ctx() ctx: RequestContext) {
    return this.inbox.linkToCase(id, body.caseId, ctx.principal, ctx.requestId);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a report with no case: PSD has finished with it' })
  async close(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.inbox.close(id, ctx.principal, ctx.requestId);
  }
}
