import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
  registerDecorator,
} from 'class-validator';
import { PLATFORMS, type Platform } from '@precedent/exchange';
import { londonDate } from '@precedent/platform';
import type { SubmitReportInput } from '@precedent/reporting';

/** A calendar date, no later than today in England and Wales. */
/** Spaces around text are dropped, so a field of only spaces counts as empty. */
const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

function NotInFuture(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} cannot be in the future` },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value <= londonDate(new Date()),
      },
    });
}

export class SubmitReportDto implements SubmitReportInput {
  @ApiProperty({ description: 'What happened, in a line', example: 'Racist memes shared in a team chat' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'summary must say what happened' })
  @MaxLength(300)
  summary: string;

  @ApiProperty({ description: 'Who, where, what was said or shown, and anything else that helps' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'details must say what you saw' })
  @MaxLength(20_000)
  details: string;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS, { message: `platform must be one of: ${PLATFORMS.join(', ')}` })
  platform?: Platform;

  @ApiPropertyOptional({ description: 'When you saw it, YYYY-MM-DD', example: '2026-11-20' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'seenAt must be a date as YYYY-MM-DD' })
  @MaxLength(10, { message: 'seenAt must be a date as YYYY-MM-DD' })
  @NotInFuture()
  seenAt?: string;

  @ApiPropertyOptional({ type: [String], description: 'Addresses of the posts, at most 20' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { each: true, message: 'each link must be a web address starting http:// or https://' },
  )
  @MaxLength(2_000, { each: true })
  links?: string[];
}

export class SignInDto {
  @ApiProperty({
    description: 'The receipt code given when the report was made',
    example: '1234 5678 9012 3456 7890',
  })
  @IsString()
  @MaxLength(100)
  receipt: string;
}

export class ReplyDto {
  @ApiProperty({ description: 'Your message to Professional Standards' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(20_000)
  body: string;
}
