import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoticesService, type NoticeDelivery } from '@precedent/hearings';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';

/** The emails of a case's notices: to whom, their delivery status, and the day each is deemed served. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('api')
export class NoticeDeliveriesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('cases/:id/notice-emails')
  @Roles('investigator', 'appropriate_authority')
  @ApiOperation({ summary: "A case's notice emails with their delivery status and deemed-service day" })
  async list(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext) {
    const items = await this.notices.deliveriesOf(id, ctx.principal, ctx.requestId);
    return { items: items.map(toDeliveryResponse) };
  }

  @Post('notice-emails/:deliveryId/retry')
  @Roles('investigator', 'appropriate_authority')
  @ApiOperation({ summary: 'Try an undelivered notice email again now, through the outbox' })
  async retry(@Param('deliveryId', ParseUUIDPipe) deliveryId: string, @Ctx() ctx: RequestContext) {
    return toDeliveryResponse(await this.notices.retry(deliveryId, ctx.principal, ctx.requestId));
  }
}

export function toDeliveryResponse(d: NoticeDelivery) {
  return {
    id: d.id,
    caseId: d.caseId,
    hearingId: d.hearingId,
    recipient: d.recipient,
    recipientName: d.recipientName,
    to: d.toAddress,
    subject: d.subject,
    status: d.status,
    serverAnswer: d.serverAnswer,
    attempts: d.attempts,
    sentAt: d.sentAt?.toISOString() ?? null,
    deemedServedOn: d.deemedServedOn,
    withCalendar: d.calendar !== null,
  };
}
