import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  ValidateIf,
} from 'class-validator';
import { IsPastDate } from '../common/not-in-future.validator';
import {
  CASE_STATUSES,
  INTAKE_SOURCES,
  type CaseStatus,
  type IntakeSource,
  type Severity,
} from '@precedent/cases';

const SEVERITIES: Severity[] = [
  'no_case_to_answer',
  'practice_requiring_improvement',
  'misconduct',
  'gross_misconduct',
];

export class TransitionDto {
  @ApiProperty({ enum: CASE_STATUSES, example: 'assessed' })
  @IsIn(CASE_STATUSES, { message: `to must be one of: ${CASE_STATUSES.join(', ')}` })
  to: CaseStatus;

  @ApiProperty({ example: 'Severity assessment recorded; investigation to follow.' })
  @IsString()
  @MinLength(3, { message: 'reason must say why (at least 3 characters)' })
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ description: 'The version you saw; a stale one is refused with 409' })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class AssessmentDto {
  @ApiProperty({ enum: SEVERITIES, example: 'gross_misconduct' })
  @IsIn(SEVERITIES, { message: `severity must be one of: ${SEVERITIES.join(', ')}` })
  severity: Severity;

  @ApiProperty({ example: 'Racist language in a group of twelve serving officers; identifiable as police.' })
  @IsString()
  @MinLength(10, { message: 'rationale must explain the assessment (at least 10 characters)' })
  @MaxLength(4000)
  rationale: string;

  @ApiProperty({ description: 'The version you saw; a stale one is refused with 409' })
  @IsInt()
  version: number;
}

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of: ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: INTAKE_SOURCES })
  @IsOptional()
  @IsIn(INTAKE_SOURCES, { message: `source must be one of: ${INTAKE_SOURCES.join(', ')}` })
  source?: IntakeSource;

  @ApiPropertyOptional({ description: 'Words in the summary' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class UpdateCaseDto {
  @ApiProperty({ description: 'The version you saw; a stale one is refused with 409', example: 3 })
  @IsInt()
  version: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(10) @MaxLength(4000) summary?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() restricted?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assignedInvestigatorId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  team?: string | null;

  @ApiPropertyOptional({ example: '2026-11-20' })
  @IsOptional()
  @IsPastDate()
  cameToAttentionOn?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() iopcReferralRequired?: boolean;

  @ApiPropertyOptional({ example: 'Referred to the IOPC on 21 Nov 2026; returned for local investigation.' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  iopcReferralDecision?: string;
}
