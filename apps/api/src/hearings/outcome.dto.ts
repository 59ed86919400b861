import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  AGGRAVATING_FACTORS,
  APPEAL_GROUNDS,
  APPEAL_RESULTS,
  LEVELS,
  MITIGATING_FACTORS,
  OUTCOMES,
  SANCTION_PURPOSES,
  type AggravatingFactor,
  type AppealGround,
  type AppealResult,
  type DecideAppealInput,
  type DecisionRecord,
  type Finding,
  type Level,
  type LodgeAppealInput,
  type MitigatingFactor,
  type Outcome,
  type RecordOutcomeInput,
  type SanctionPurpose,
} from '@precedent/hearings';
import { FINDINGS } from '@precedent/exchange';
import { IsCalendarDate } from '../common/date-range.validator';

const FACTORS = [...AGGRAVATING_FACTORS, ...MITIGATING_FACTORS] as readonly string[];

export class FindingDto {
  @ApiProperty()
  @IsUUID('4', { message: 'allegationId must be an allegation id' })
  allegationId: string;

  @ApiProperty({ enum: FINDINGS })
  @IsIn(FINDINGS, { message: `finding must be one of: ${FINDINGS.join(', ')}` })
  finding: Finding;
}

export class Article10Dto {
  @ApiProperty()
  @IsBoolean()
  engaged: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  prescribedByLaw?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  legitimateAim?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  necessityAndProportionality?: string;
}

/** The staged decision record (docs/domain.md §9.1): seriousness, purpose, why this outcome, personal mitigation last. */
export class DecisionDto implements DecisionRecord {
  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS, { message: `culpability must be one of: ${LEVELS.join(', ')}` })
  culpability?: Level;

  @ApiPropertyOptional({ enum: LEVELS })
  @IsOptional()
  @IsIn(LEVELS, { message: `harm must be one of: ${LEVELS.join(', ')}` })
  harm?: Level;

  @ApiProperty({ enum: AGGRAVATING_FACTORS, isArray: true })
  @IsArray()
  @ArrayMaxSize(AGGRAVATING_FACTORS.length)
  @IsIn(AGGRAVATING_FACTORS, {
    each: true,
    message: `each aggravating factor must be one of: ${AGGRAVATING_FACTORS.join(', ')}`,
  })
  aggravating: AggravatingFactor[];

  @ApiProperty({ enum: MITIGATING_FACTORS, isArray: true })
  @IsArray()
  @ArrayMaxSize(MITIGATING_FACTORS.length)
  @IsIn(MITIGATING_FACTORS, {
    each: true,
    message: `each mitigating factor must be one of: ${MITIGATING_FACTORS.join(', ')}`,
  })
  mitigating: MitigatingFactor[];

  @ApiProperty({ enum: SANCTION_PURPOSES, isArray: true })
  @IsArray()
  @IsIn(SANCTION_PURPOSES, {
    each: true,
    message: `each purpose must be one of: ${SANCTION_PURPOSES.join(', ')}`,
  })
  purposes: SanctionPurpose[];

  @ApiPropertyOptional({ description: 'Why this outcome, and why a less severe one would not do' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  outcomeRationale?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  personalMitigationWeight?: string;

  @ApiPropertyOptional({ description: 'Required' })
  @IsOptional()
  @IsString()
  @MaxLength(40000)
  reasons?: string;

  @ApiPropertyOptional({
    description:
      'Gross misconduct proven from 28 May 2025: the exceptional circumstances that justify an outcome short of dismissal',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  exceptionalCircumstances?: string;

  @ApiPropertyOptional({ type: Article10Dto })
  @IsOptional()
  @ValidateNested()
  @Type(() => Article10Dto)
  article10?: Article10Dto;
}

export class DepartureDto {
  @ApiProperty({ description: 'Factor codes (docs/domain.md §19) that justify leaving the comparables band' })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(FACTORS, { each: true, message: 'each departure factor must be one of the seriousness factors' })
  factors: string[];

  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(8000)
  explanation: string;
}

export class RecommendationsDto {
  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES, { message: `investigator must be one of: ${OUTCOMES.join(', ')}` })
  investigator?: Outcome;

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES, { message: `appropriateAuthority must be one of: ${OUTCOMES.join(', ')}` })
  appropriateAuthority?: Outcome;
}

export class RecordOutcomeDto implements RecordOutcomeInput {
  @ApiProperty()
  @IsUUID('4', { message: 'subjectId must be a subject id' })
  subjectId: string;

  @ApiProperty({ type: [FindingDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FindingDto)
  findings: FindingDto[];

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of: ${OUTCOMES.join(', ')}` })
  outcome: Outcome;

  @ApiProperty({ example: '2027-01-07' })
  @IsCalendarDate()
  notifiedOn: string;

  @ApiPropertyOptional({ example: '2027-01-06', description: 'Today when absent' })
  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string;

  @ApiPropertyOptional({ description: 'The longer final written warning (gross misconduct)' })
  @IsOptional()
  @IsBoolean()
  extendedFinalWarning?: boolean;

  @ApiProperty({ type: DecisionDto })
  @ValidateNested()
  @Type(() => DecisionDto)
  decision: DecisionDto;

  @ApiPropertyOptional({
    type: DepartureDto,
    description: 'Required when the outcome is outside the comparables band',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DepartureDto)
  departure?: DepartureDto;

  @ApiPropertyOptional({ type: RecommendationsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecommendationsDto)
  recommendations?: RecommendationsDto;

  @ApiPropertyOptional({
    description: 'A final written warning was live at the severity assessment (reg 42(5))',
  })
  @IsOptional()
  @IsBoolean()
  finalWrittenWarningLive?: boolean;

  @ApiPropertyOptional({ description: 'More than one incident, not closely connected (reg 42(6))' })
  @IsOptional()
  @IsBoolean()
  multipleUnconnectedIncidents?: boolean;
}

export class ListReferralDto {
  @ApiProperty()
  @IsUUID('4', { message: 'subjectId must be a subject id' })
  subjectId: string;

  @ApiProperty({ example: 'Outcome report and the conduct description, by the secure College portal.' })
  @IsString()
  @MinLength(10, { message: 'say what was sent to the College (at least 10 characters)' })
  @MaxLength(4000)
  sent: string;

  @ApiPropertyOptional({ example: '2027-01-12', description: 'Today when absent' })
  @IsOptional()
  @IsCalendarDate()
  sentOn?: string;
}

export class LodgeAppealDto implements LodgeAppealInput {
  @ApiProperty()
  @IsUUID('4', { message: 'subjectId must be a subject id' })
  subjectId: string;

  @ApiPropertyOptional({
    enum: ['officer', 'chief_officer'],
    description:
      'Who appeals; chief-officer appeals to the Tribunal only when switched on (CHIEF_OFFICER_APPEALS_FROM)',
  })
  @IsOptional()
  @IsIn(['officer', 'chief_officer'], { message: 'appellant must be officer or chief_officer' })
  appellant?: 'officer' | 'chief_officer';

  @ApiPropertyOptional({ example: '2027-01-12', description: 'Today when absent' })
  @IsOptional()
  @IsCalendarDate()
  lodgedOn?: string;

  @ApiProperty({ enum: APPEAL_GROUNDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(APPEAL_GROUNDS, { each: true, message: `each ground must be one of: ${APPEAL_GROUNDS.join(', ')}` })
  grounds: AppealGround[];

  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(20000)
  details: string;
}

export class DecideAppealDto implements DecideAppealInput {
  @ApiProperty({ enum: APPEAL_RESULTS })
  @IsIn(APPEAL_RESULTS, { message: `result must be one of: ${APPEAL_RESULTS.join(', ')}` })
  result: AppealResult;

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES, { message: `variedOutcome must be one of: ${OUTCOMES.join(', ')}` })
  variedOutcome?: Outcome;

  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(20000)
  reasons: string;

  @ApiPropertyOptional({ description: 'Today when absent' })
  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string;
}
