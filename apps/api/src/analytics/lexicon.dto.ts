import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CATEGORIES, TARGETS, type Category, type Target } from '@precedent/exchange';
import type { LexiconEntryChanges, LexiconEntryInput } from '@precedent/analytics';

const oneOf = (field: string, values: readonly string[]) => ({
  message: `${field} must be one of: ${values.join(', ')}`,
});

export class SuggestDto {
  @ApiProperty({ example: 'g0 b4ck t0 wh3re y0u came fr0m' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text: string;
}

export class CreateLexiconEntryDto implements LexiconEntryInput {
  @ApiProperty({ example: 'send them back' }) @IsString() @MinLength(2) @MaxLength(200) term: string;
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES, oneOf('category', CATEGORIES)) category: Category;
  @ApiPropertyOptional({ enum: TARGETS, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(TARGETS, oneOf('target', TARGETS))
  target?: Target | null;
  @ApiPropertyOptional({ example: 'Calls for removal of a group.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class UpdateLexiconEntryDto implements LexiconEntryChanges {
  @ApiProperty({ description: 'The version you edited: a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) term?: string;
  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES, oneOf('category', CATEGORIES))
  category?: Category;
  @ApiPropertyOptional({ enum: TARGETS, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(TARGETS, oneOf('target', TARGETS))
  target?: Target | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
  @ApiPropertyOptional({ description: 'false retires the entry; its history stays' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
