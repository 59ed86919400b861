import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService, AuditVerificationsService } from '@precedent/audit';
import { Roles } from '../common/roles.decorator';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { AuditQueryDto } from './audit-query.dto';
import {
  AuditEventResponse,
  AuditVerificationResponse,
  toAuditEventResponse,
  toVerificationResponse,
} from './audit-event.response';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly verifications: AuditVerificationsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AuditEventResponse, isArray: true })
  async list(
    @Query() query: AuditQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<{ items: AuditEventResponse[]; nextBefore: string | null }> {
    const limit = query.limit ?? 100;
    const events = await this.audit.forEntity(query.entityType, query.entityId, {
      limit,
      beforeId: query.before,
    });
    // reading the log is itself recorded: it shows who looked at whose activity
    await this.audit.recordNow(ctx.audit, {
      action: 'audit.read',
      entityType: query.entityType,
      entityId: query.entityId ?? null,
    });
    return {
      items: events.map(toAuditEventResponse),
      nextBefore: events.length === limit ? events[events.length - 1].id : null,
    };
  }

  /** Checks the whole chain in the background; accepted even while Redis is down. */
  @Post('verifications')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AuditVerificationResponse })
  async requestVerification(@Ctx() ctx: RequestContext): Promise<AuditVerificationResponse> {
    return toVerificationResponse(await this.verifications.request(ctx.audit));
  }

  @Get('verifications/:id')
  @ApiOkResponse({ type: AuditVerificationResponse })
  async verification(@Param('id', ParseUUIDPipe) id: string): Promise<AuditVerificationResponse> {
    return toVerificationResponse(await this.verifications.get(id));
  }
}
