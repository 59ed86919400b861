import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'case', description: 'The kind of record: case, user, evidence…' })
  @IsString()
  @MaxLength(100)
  entityType: string;

  @ApiPropertyOptional({ example: '6b3f…' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Events with a lower id than this (the next page)', example: '1200' })
  @IsOptional()
  @Matches(/^\d+$/, { message: 'before must be an event id (digits)' })
  before?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
