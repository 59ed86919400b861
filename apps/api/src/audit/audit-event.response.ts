import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEvent, AuditVerification } from '@precedent/audit';

export class AuditEventResponse {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ nullable: true }) actorId: string | null;
  @ApiProperty({ nullable: true }) actorName: string | null;
  @ApiProperty({ example: 'case.read' }) action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ nullable: true }) entityId: string | null;
  @ApiProperty({ nullable: true }) requestId: string | null;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) result: string;
  @ApiPropertyOptional() details?: unknown;
  @ApiProperty() hash: string;
}

export function toAuditEventResponse(e: AuditEvent): AuditEventResponse {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    requestId: e.requestId,
    result: e.result,
    ...(e.details ? { details: JSON.parse(e.details) as unknown } : {}),
    hash: e.hash,
  };
}

export class AuditVerificationResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'passed', 'failed'] }) status: string;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ nullable: true }) finishedAt: string | null;
  @ApiProperty({ nullable: true }) eventsChecked: number | null;
  @ApiProperty({ nullable: true }) brokenEventId: string | null;
  @ApiProperty({ nullable: true }) message: string | null;
}

export function toVerificationResponse(v: AuditVerification): AuditVerificationResponse {
  return {
    id: v.id,
    status: v.status,
    requestedAt: v.requestedAt.toISOString(),
    finishedAt: v.finishedAt?.toISOString() ?? null,
    eventsChecked: v.eventsChecked === null ? null : Number(v.eventsChecked),
    brokenEventId: v.brokenEventId,
    message: v.message,
  };
}
