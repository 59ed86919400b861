import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
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
