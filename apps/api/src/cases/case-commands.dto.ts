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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsPastDate } from '../common/not-in-future.validator';
import { IsCalendarDate, NotBefore } from '../common/date-range.validator';
import {
  CASE_SORTS,
  CASE_STATUSES,
  CATEGORIES,
  INTAKE_SOURCES,
  PLATFORMS,
  STANDARDS,
  type CaseFilters,
  type CaseSort,
  type CaseStatus,
  type Category,
  type IntakeSource,
  type Platform,
  type Severity,
  type Standard,
} from '@precedent/cases';

export const SEVERITIES: readonly Severity[] = [
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

  @ApiPropertyOptional({
    description:
      'To referred_to_accelerated_hearing: true when the special conditions are certified (reg 49). Who certified is recorded on the hearing (POST /api/hearings), because they may not chair it.',
  })
  @IsOptional()
  @IsBoolean({ message: 'specialConditionsCertified must be true or false' })
  specialConditionsCertified?: boolean;

  @ApiPropertyOptional({
    description:
      "To referred_to_hearing for a former officer's gross misconduct case from 28 May 2025: why it should not go to an accelerated hearing. Without it the case goes to an accelerated hearing.",
  })
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'say why not an accelerated hearing (at least 10 characters)' })
  @MaxLength(2000)
  notAcceleratedReason?: string;
}

/** The proportionality test for an assessment that relies on off-duty speech (Articles 10 and 8). */
export class Article10BalancingDto {
  @ApiProperty({
    description: 'Whether a right is engaged: expression (Article 10), private life (Article 8)',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  interference: string;

  @ApiProperty({ description: 'How the restriction is prescribed by law (the Standards are in regulations)' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  prescribedByLaw: string;

  @ApiProperty({
    description: 'The legitimate aim: public confidence, the rights of others, preventing disorder',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  legitimateAim: string;

  @ApiProperty({
    description: 'Why the step is necessary and proportionate, and no less intrusive one would do',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(4000)
  necessityAndProportionality: string;
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

  @ApiPropertyOptional({
    description:
      'The conduct led to a conviction for an indictable-only offence: gross misconduct from 28 May 2025',
  })
  @IsOptional()
  @IsBoolean({ message: 'indictableOnlyConviction must be true or false' })
  indictableOnlyConviction?: boolean;

  @ApiPropertyOptional({ description: 'Refer the matter to the vetting procedures (from 28 May 2025)' })
  @IsOptional()
  @IsBoolean({ message: 'referToVetting must be true or false' })
  referToVetting?: boolean;

  @ApiPropertyOptional({
    type: Article10BalancingDto,
    description: 'Required when any conduct item on the case was off duty',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => Article10BalancingDto)
  article10?: Article10BalancingDto;
}

export class SendForAssessmentDto {
  @ApiPropertyOptional({ description: 'A note for the appropriate authority' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

const oneOf = (field: string, values: readonly string[]) => ({
  message: `${field} must be one of: ${values.join(', ')}`,
});

export class ListCasesQuery implements Partial<CaseFilters> {
  @ApiPropertyOptional({ enum: CASE_STATUSES, example: 'investigating' })
  @IsOptional()
  @IsIn(CASE_STATUSES, oneOf('status', CASE_STATUSES))
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: INTAKE_SOURCES, example: 'line_manager' })
  @IsOptional()
  @IsIn(INTAKE_SOURCES, oneOf('source', INTAKE_SOURCES))
  source?: IntakeSource;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The assigned investigator (a user id)',
    example: '3f6c2b8e-4d1a-4c6e-9b0f-2a7d5e8c1b94',
  })
  @IsOptional()
  @IsUUID('all', { message: 'investigator must be a user id (a UUID)' })
  investigator?: string;

  @ApiPropertyOptional({
    enum: STANDARDS,
    description: 'A Standard of Professional Behaviour named in any of the case’s allegations',
    example: 'equality_and_diversity',
  })
  @IsOptional()
  @IsIn(STANDARDS, oneOf('standard', STANDARDS))
  standard?: Standard;

  @ApiPropertyOptional({
    enum: PLATFORMS,
    description: 'A conduct item on this platform; with `category`, the same item has both',
    example: 'whatsapp',
  })
  @IsOptional()
  @IsIn(PLATFORMS, oneOf('platform', PLATFORMS))
  platform?: Platform;

  @ApiPropertyOptional({
    enum: CATEGORIES,
    description: 'A conduct item in this category; with `platform`, the same item has both',
    example: 'discriminatory',
  })
  @IsOptional()
  @IsIn(CATEGORIES, oneOf('category', CATEGORIES))
  category?: Category;

  @ApiPropertyOptional({ description: 'Received on or after this date (YYYY-MM-DD)', example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  receivedFrom?: string;

  @ApiPropertyOptional({ description: 'Received on or before this date (YYYY-MM-DD)', example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('receivedFrom')
  receivedTo?: string;

  @ApiPropertyOptional({
    description:
      'true: open investigations that have run 12 months since the matter came to attention and need ' +
      'the report to the local policing body (repeated every 6 months); false: every other case',
    example: true,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'lpbReportDue must be true or false' })
  lpbReportDue?: boolean;

  @ApiPropertyOptional({
    description:
      'Full-text search: every word must appear in the summary or in one of the conduct items’ text. ' +
      'Case and accents are ignored and English word forms match ("comment" finds "Comments"); ' +
      'stop words such as "the" are ignored.',
    example: 'whatsapp monkey',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: CASE_SORTS,
    default: '-received',
    description: 'Order; a leading "-" is descending. Ties on the received date go by reference.',
    example: 'reference',
  })
  @IsOptional()
  @IsIn(CASE_SORTS, oneOf('sort', CASE_SORTS))
  sort?: CaseSort;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, example: 40 })
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
