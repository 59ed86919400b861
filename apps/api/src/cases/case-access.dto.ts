import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../common/date-range.validator';

const REASON = { message: 'Say why (at least 5 characters).' };

export class ChangeCaseAccessDto {
  @ApiProperty({ description: 'The version you saw; a stale one is refused with 409', example: 3 })
  @IsInt()
  version: number;

  @ApiProperty({ example: 'The subject is a chief superintendent: restricted to the named investigator.' })
  @IsString()
  @MinLength(5, REASON)
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ description: 'Only the people the case names may open it' })
  @IsOptional()
  @IsBoolean()
  restricted?: boolean;

  @ApiPropertyOptional({ nullable: true, example: 'psd-north' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  team?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assignedInvestigatorId?: string | null;
}

export class GrantCaseDto {
  @ApiProperty({ format: 'uuid', description: 'The person who may open the case' })
  @IsUUID('all', { message: 'Choose the person to give the case to.' })
  userId: string;

  @ApiProperty({ example: 'Legal adviser to the appropriate authority for the hearing.' })
  @IsString()
  @MinLength(5, REASON)
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ example: '2027-03-31', description: 'The last day the grant is in force' })
  @IsCalendarDate()
  until: string;
}

export class RevokeGrantDto {
  @ApiProperty({ example: 'The review is finished.' })
  @IsString()
  @MinLength(5, REASON)
  @MaxLength(2000)
  reason: string;
}
