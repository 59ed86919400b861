import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsEmail,
  IsOptional,
  Matches,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import type { PromoteInput, PromotionSource } from '@precedent/evidence';
import {
  AUDIENCES,
  CATEGORIES,
  PARTICIPATION,
  PLATFORMS,
  STANDARDS,
  SUBJECT_ROLES,
  TARGETS,
  type AddAllegationInput,
  type AddSubjectInput,
  type Audience,
  type Category,
  type Participation,
  type Platform,
  type Standard,
  type SubjectRole,
  type Target,
} from '@precedent/cases';
import { IsPastDate, NotInFuture } from '../common/not-in-future.validator';

const oneOf = (field: string, values: readonly string[], each = false) => ({
  message: `${each ? `each of ${field}` : field} must be one of: ${values.join(', ')}`,
  each,
});

export class AddSubjectDto implements AddSubjectInput {
  @ApiProperty({ example: 'PC Jordan Fictional' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ example: '4821' }) @IsString() @MinLength(1) @MaxLength(50) staffNumber: string;
  @ApiProperty({ enum: SUBJECT_ROLES }) @IsIn(SUBJECT_ROLES, oneOf('role', SUBJECT_ROLES)) role: SubjectRole;
  @ApiPropertyOptional({ example: 'PC' }) @IsOptional() @IsString() @MaxLength(100) rank?: string;
  @ApiProperty({ example: 'leicestershire' }) @IsString() @MinLength(1) @MaxLength(100) force: string;

  @ApiPropertyOptional({ example: '2015-09-01' })
  @IsOptional()
  @IsPastDate()
  serviceStart?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() formerOfficer?: boolean;

  @ApiPropertyOptional({
    example: 'j.fictional@police.example',
    description: 'Where notices to the officer are emailed',
  })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address such as j.fictional@police.example' })
  email?: string;
}

export class AddAllegationDto implements AddAllegationInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'subjectId must be a subject id' })
  subjectId: string;

  @ApiProperty({
    enum: STANDARDS,
    isArray: true,
    example: ['equality_and_diversity', 'discreditable_conduct'],
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'standards needs at least one Standard of Professional Behaviour' })
  @IsIn(STANDARDS, oneOf('standards', STANDARDS, true))
  standards: Standard[];

  @ApiProperty({ example: 'Posted a racist comment in the team WhatsApp group.' })
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  description: string;

  @ApiPropertyOptional({
    example: '2026-07-04',
    description: 'When the conduct happened: decides which use-of-force test applies',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'conductOn must be a date such as 2026-07-04' })
  conductOn?: string;
}

export class OcrWordRangeDto {
  @ApiProperty({ example: 3 }) @IsInt() @Min(0) from: number;
  @ApiProperty({ example: 9 }) @IsInt() @Min(0) to: number;
}

/** The evidence a conduct item comes from: an archive post, or OCR text (all of it or a range of words). */
export class ConductSourceDto implements PromotionSource {
  @ApiPropertyOptional() @IsOptional() @IsUUID() archivePostId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ocrEvidenceId?: string;

  @ApiPropertyOptional({ type: OcrWordRangeDto, description: 'Indexes into the OCR words, both included' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OcrWordRangeDto)
  words?: OcrWordRangeDto;
}

/**
 * A conduct item. With `source`, it is promoted from evidence: `text`, `platform` and `postedAt` default
 * to the post's (or the OCR passage's), and the item keeps the link and the evidence's hash.
 */
export class AddConductItemDto implements Omit<PromoteInput, 'source'> {
  @ApiPropertyOptional({ type: ConductSourceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConductSourceDto)
  source?: ConductSourceDto;

  @ApiProperty({ enum: PLATFORMS, description: 'Required unless a source gives it' })
  @ValidateIf((o: AddConductItemDto) => !o.source || o.platform !== undefined)
  @IsIn(PLATFORMS, oneOf('platform', PLATFORMS))
  platform?: Platform;
  @ApiProperty({ enum: AUDIENCES }) @IsIn(AUDIENCES, oneOf('audience', AUDIENCES)) audience: Audience;
  @ApiPropertyOptional({ example: 12 }) @IsOptional() @IsInt() @Min(0) audienceSize?: number;

  @ApiProperty({ example: 'the words at issue', description: 'Required unless a source gives it' })
  @ValidateIf((o: AddConductItemDto) => !o.source || o.text !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(10_000, { message: 'text must be at most 10,000 characters' })
  text?: string;

  @ApiPropertyOptional({ example: '2026-10-03T21:14:00Z' })
  @IsOptional()
  @IsISO8601({}, { message: 'postedAt must be an ISO 8601 date and time' })
  @NotInFuture()
  postedAt?: string;

  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) @MaxLength(2000) url?: string;

  @ApiProperty({ enum: CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'categories needs at least one category' })
  @IsIn(CATEGORIES, oneOf('categories', CATEGORIES, true))
  categories: Category[];

  @ApiPropertyOptional({ enum: TARGETS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(TARGETS, oneOf('targets', TARGETS, true))
  targets?: Target[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() offDuty?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() identifiableAsPolice?: boolean;

  @ApiPropertyOptional({ enum: PARTICIPATION, default: 'author' })
  @IsOptional()
  @IsIn(PARTICIPATION, oneOf('participation', PARTICIPATION))
  participation?: Participation;

  @ApiPropertyOptional({ example: 4 }) @IsOptional() @IsInt() @Min(1) messageCount?: number;
}
