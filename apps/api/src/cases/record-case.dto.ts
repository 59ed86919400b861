import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  INTAKE_SOURCES,
  IOPC_CRITERIA,
  type IntakeSource,
  type IopcCriterion,
  type RecordCaseInput,
} from '@precedent/cases';
import { IsPastDate } from '../common/not-in-future.validator';

export class ReporterDto {
  @ApiProperty({ example: 'Insp. Casey Example (line manager)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'casey.example@force.example' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  contact: string;
}

export class AuthorisationDto {
  @ApiProperty({ example: 'Det Supt R. Sample' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  authorisedBy: string;

  @ApiProperty({ example: '2026-11-02' })
  @IsPastDate()
  authorisedAt: string;

  @ApiProperty({
    example:
      'Intelligence of racist posts by an identifiable officer; monitoring limited to public posts for 28 days.',
  })
  @IsString()
  @MinLength(20, {
    message: 'justification must explain the proportionality balance (at least 20 characters)',
  })
  @MaxLength(4000)
  justification: string;
}

export class DeclaredIopcCriterionDto {
  @ApiProperty({ enum: IOPC_CRITERIA, example: 'serious_sexual_offence' })
  @IsIn(IOPC_CRITERIA, { message: `criterion must be one of: ${IOPC_CRITERIA.join(', ')}` })
  criterion: IopcCriterion;

  @ApiProperty({ example: 'Intimate images of a member of the public shared in the group without consent.' })
  @IsString()
  @MinLength(10, { message: 'reason must say why the criterion is met (at least 10 characters)' })
  @MaxLength(2000)
  reason: string;
}

export class RecordCaseDto implements RecordCaseInput {
  @ApiProperty({ enum: INTAKE_SOURCES, example: 'line_manager' })
  @IsIn(INTAKE_SOURCES, { message: `source must be one of: ${INTAKE_SOURCES.join(', ')}` })
  source: IntakeSource;

  @ApiProperty({ example: '2026-11-20' })
  @IsPastDate()
  receivedAt: string;

  @ApiPropertyOptional({
    example: '2026-11-20',
    description: 'When the appropriate authority became aware; decides the regime',
  })
  @IsOptional()
  @IsPastDate()
  cameToAttentionOn?: string;

  @ApiProperty({ example: 'Screenshots of derogatory comments in a WhatsApp group of response officers.' })
  @IsString()
  @MinLength(10, { message: 'summary must say what was reported (at least 10 characters)' })
  @MaxLength(4000)
  summary: string;

  @ApiPropertyOptional({ type: ReporterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;

  @ApiPropertyOptional({ type: AuthorisationDto, description: 'Required for proactive_monitoring' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuthorisationDto)
  authorisation?: AuthorisationDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  restricted?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignedInvestigatorId?: string;

  @ApiPropertyOptional({ example: 'psd-north' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  team?: string;

  @ApiPropertyOptional({ description: 'A mandatory IOPC referral criterion is met (docs/domain.md §4.2)' })
  @IsOptional()
  @IsBoolean()
  iopcReferralRequired?: boolean;

  @ApiPropertyOptional({
    type: [DeclaredIopcCriterionDto],
    description:
      'Mandatory IOPC referral criteria the recorder finds met (docs/domain.md §4.2), each with why. Conduct ' +
      'aggravated by discrimination is also found from the conduct items and allegations as they are added.',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DeclaredIopcCriterionDto)
  iopcCriteria?: DeclaredIopcCriterionDto[];
}
