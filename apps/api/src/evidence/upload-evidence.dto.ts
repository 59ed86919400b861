import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { PLATFORMS, type Platform } from '@precedent/cases';
import type { CaptureMetadata } from '@precedent/evidence';

/** The capture metadata sent beside the file (multipart text fields); every field is optional. */
export class UploadEvidenceDto implements CaptureMetadata {
  @ApiPropertyOptional({
    example: '2026-11-02T21:14:00Z',
    description: 'When the screenshot or export was made',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'capturedAt must be a date and time such as 2026-11-02T21:14:00Z' })
  capturedAt?: string;

  @ApiPropertyOptional({ example: 'DC Alex Fictional', description: 'Who captured it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  capturedBy?: string;

  @ApiPropertyOptional({ example: 'https://www.facebook.com/groups/example/posts/123' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'sourceUrl must be an http(s) URL' },
  )
  @MaxLength(2000)
  sourceUrl?: string;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS, { message: `platform must be one of: ${PLATFORMS.join(', ')}` })
  platform?: Platform;

  @ApiPropertyOptional({ example: '@fictional_handle' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  accountHandle?: string;

  @ApiPropertyOptional({ example: 'Screenshot of the group chat sent by the reporter' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}
