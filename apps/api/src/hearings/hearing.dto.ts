import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import type {
  AddPanelMemberInput,
  AddRelationshipInput,
  CreateHearingInput,
  HearingDateInput,
  PanelRole,
} from '@precedent/hearings';
import { IsCalendarDate } from '../common/date-range.validator';

export const PANEL_ROLES: PanelRole[] = [
  'chair',
  'legally_qualified_chair',
  'legally_qualified_adviser',
  'independent_member',
  'lay_member',
  'police_member',
];

export class CreateHearingDto implements CreateHearingInput {
  @ApiProperty({ description: 'A case referred to a meeting, hearing or accelerated hearing' })
  @IsUUID('4', { message: 'caseId must be a case id' })
  caseId: string;

  @ApiProperty({
    example: '2026-11-20',
    description: 'The day the reg 30 documents (or reg 51 notice) reached the officer',
  })
  @IsCalendarDate()
  documentsSuppliedOn: string;
}

export class HearingDateDto implements HearingDateInput {
  @ApiProperty({ example: '2027-01-06' })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ example: '10:00', description: 'Local time, HH:MM' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startsAt must be a time as HH:MM' })
  startsAt?: string;

  @ApiPropertyOptional({ example: 'Force HQ, Committee Room 2' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  venue?: string;

  @ApiPropertyOptional({ example: 'https://meet.example.org/hearing-42' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'remoteLink must be an https address' })
  remoteLink?: string;
}

export class FixDateDto implements Partial<HearingDateInput> {
  @ApiPropertyOptional({ example: '2027-01-06', description: 'The proposed date when absent' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ example: '10:00' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startsAt must be a time as HH:MM' })
  startsAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  venue?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'remoteLink must be an https address' })
  remoteLink?: string;
}

export class AdjournDto {
  @ApiProperty({ example: 'The officer is unwell; a medical certificate was provided.' })
  @IsString()
  @MinLength(3, { message: 'reason must say why (at least 3 characters)' })
  @MaxLength(2000)
  reason: string;
}

export class SeatDto {
  @ApiProperty()
  @IsUUID('4', { message: 'panelMemberId must be a panel member id' })
  panelMemberId: string;

  @ApiProperty({ enum: PANEL_ROLES })
  @IsIn(PANEL_ROLES, { message: `role must be one of: ${PANEL_ROLES.join(', ')}` })
  role: PanelRole;
}

export class AddPanelMemberDto implements AddPanelMemberInput {
  @ApiProperty({ example: 'Alex Example' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: "The member's user account, if they use Precedent" })
  @IsOptional()
  @IsUUID('4')
  userId?: string;

  @ApiProperty({ enum: PANEL_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(PANEL_ROLES, { each: true, message: `each role must be one of: ${PANEL_ROLES.join(', ')}` })
  roles: PanelRole[];

  @ApiPropertyOptional({ example: 'superintendent' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  rank?: string;

  @ApiPropertyOptional({ example: ['2027-01-06'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each day must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { each: true, message: 'each day must be a real date' })
  unavailableOn?: string[];
}

export class AvailabilityDto {
  @ApiProperty({ example: ['2027-01-06'], description: 'Days the member cannot sit' })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each day must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { each: true, message: 'each day must be a real date' })
  unavailableOn: string[];
}

export class AddRelationshipDto implements AddRelationshipInput {
  @ApiProperty({ enum: ['line_manages', 'took_part'] })
  @IsIn(['line_manages', 'took_part'], { message: 'kind must be one of: line_manages, took_part' })
  kind: 'line_manages' | 'took_part';

  @ApiPropertyOptional({ example: 'leicestershire' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  force?: string;

  @ApiPropertyOptional({ example: '4821' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  staffNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  caseId?: string;

  @ApiProperty({ example: 'Gave a witness statement in this case.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  description: string;
}
