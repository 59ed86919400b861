import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { REPORT_STATUSES, type CaseFromReportInput, type ReportStatus } from '@precedent/reporting';
import { IsPastDate } from '../common/not-in-future.validator';

export class ListAnonymousReportsQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES, { message: `status must be one of: ${REPORT_STATUSES.join(', ')}` })
  status?: ReportStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class MessageToReporterDto {
  @ApiProperty({ example: 'Thank you. Can you tell us roughly how many people are in the group?' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(20_000)
  body: string;
}

export class CaseFromReportDto implements CaseFromReportInput {
  @ApiPropertyOptional({ description: "The case's summary; the report's own summary when left out" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({ example: '2026-11-20' })
  @IsOptional()
  @IsPastDate()
  cameToAttentionOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assignedInvestigatorId?: string;

  @ApiPropertyOptional({ example: 'north' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  team?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  restricted?: boolean;
}

export class LinkReportToCaseDto {
  @ApiProperty({ description: 'An existing case this person may open' })
  @IsUUID('all', { message: 'caseId must be the id of a case' })
  caseId: string;
}
