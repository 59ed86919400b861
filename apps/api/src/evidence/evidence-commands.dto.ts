import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PLATFORMS, type Platform } from '@precedent/cases';

/** Filters of `GET /api/cases/:id/posts`; every one given must hold. */
export class ListPostsQuery {
  @ApiPropertyOptional({
    example: 'depot rota',
    description:
      'Every word must match: as a word (English forms, accents ignored) or, lightly obfuscated, as letters',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS, { message: `platform must be one of: ${PLATFORMS.join(', ')}` })
  platform?: Platform;

  @ApiPropertyOptional({ example: 'Sam', description: 'Part of the author name, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  author?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Posted at or after (date or date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date (YYYY-MM-DD) or an ISO date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-01-31',
    description: 'Posted at or before (a date includes the whole day)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date (YYYY-MM-DD) or an ISO date-time' })
  to?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class ChatDateOrderDto {
  @ApiProperty({ enum: ['dmy', 'mdy'], description: 'dmy: 02/03 is 2 March; mdy: 02/03 is 3 February' })
  @IsIn(['dmy', 'mdy'], { message: 'order must be one of: dmy, mdy' })
  order: 'dmy' | 'mdy';
}
