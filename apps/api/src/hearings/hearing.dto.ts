import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  Max,
  Min,
  ValidateNested,
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
  AlternativeDateInput,
  CreateHearingInput,
  HearingDateInput,
  PanelRole,
  PreHearingInput,
  SpecialConditionsInput,
  UnavailablePeriod,
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

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class SpecialConditionsDto implements SpecialConditionsInput {
  @ApiPropertyOptional({
    description:
      'Accelerated hearings (reg 49): the user account of the senior officer who certified the special conditions. They may not chair the hearing.',
  })
  @IsOptional()
  @IsUUID('4', { message: 'certifiedByUserId must be a user id' })
  certifiedByUserId?: string;

  @ApiPropertyOptional({
    description:
      'Accelerated hearings (reg 49): the certifying officer as a panel pool member. They may not chair.',
  })
  @IsOptional()
  @IsUUID('4', { message: 'certifiedByPanelMemberId must be a panel member id' })
  certifiedByPanelMemberId?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      "Accelerated hearings: the chief officer is an interested party, so the chair must be another force's chief officer or a Metropolitan Police Assistant Commissioner.",
  })
  @IsOptional()
  @IsBoolean({ message: 'chiefOfficerInterestedParty must be true or false' })
  chiefOfficerInterestedParty?: boolean;
}

export class CreateHearingDto extends SpecialConditionsDto implements CreateHearingInput {
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
  @Matches(HH_MM, { message: 'startsAt must be a time as HH:MM' })
  startsAt?: string;

  @ApiPropertyOptional({
    example: 210,
    description:
      'Expected length in minutes (15 to 720). Absent: a full day (420) for a hearing, half a day (210) for a meeting. Panel bookings and unavailability are compared as time intervals; without startsAt the sitting blocks the whole day.',
  })
  @IsOptional()
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(15, { message: 'durationMinutes must be from 15 to 720' })
  @Max(720, { message: 'durationMinutes must be from 15 to 720' })
  durationMinutes?: number;

  @ApiPropertyOptional({
    example:
      'The officer is abroad on a training course until 2 February; a fair meeting needs them present.',
    description:
      'Misconduct meetings only: a date after the reg 34 time limit (MISCONDUCT_MEETING_WORKING_DAYS working days from the notice) is taken only with the reason the interests of justice require it (at least 10 characters).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  extensionReason?: string;

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

/** Fixing takes the same fields as proposing, every one optional: an absent date fixes the proposed one. */
export class FixDateDto extends PartialType(HearingDateDto) implements Partial<HearingDateInput> {
  @ApiPropertyOptional({ example: '2027-01-06', description: 'The proposed date when absent' })
  @IsOptional()
  @IsCalendarDate()
  override date?: string;
}

export class AlternativeDateDto implements AlternativeDateInput {
  @ApiProperty({
    example: '2027-01-08',
    description:
      "The officer's alternative: a working day within 5 working days after the chair's date (reg 34 for a meeting, reg 33(3) for a pre-hearing)",
  })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ example: '14:00' })
  @IsOptional()
  @Matches(HH_MM, { message: 'startsAt must be a time as HH:MM' })
  startsAt?: string;
}

export class PreHearingDto implements PreHearingInput {
  @ApiPropertyOptional({
    example: '2026-12-11',
    description: 'The day the documents reached the chair (reg 33): required the first time',
  })
  @IsOptional()
  @IsCalendarDate()
  chairDocumentsSuppliedOn?: string;

  @ApiProperty({
    example: '2027-01-06',
    description:
      'Within 15 working days from the first working day after the documents reached the chair (reg 33(1)(a)); refused with the latest lawful date',
  })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ example: '10:00' })
  @IsOptional()
  @Matches(HH_MM, { message: 'startsAt must be a time as HH:MM' })
  startsAt?: string;

  @ApiPropertyOptional({
    description: 'A later date than reg 33 allows: why the chair extends the period (at least 10 characters)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  extensionReason?: string;
}

export class UnavailablePeriodDto implements UnavailablePeriod {
  @ApiProperty({ example: '2027-01-06' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '13:00', description: 'Local time, HH:MM' })
  @Matches(HH_MM, { message: 'from must be a time as HH:MM' })
  from: string;

  @ApiProperty({
    example: '17:00',
    description: 'Local time, HH:MM (24:00 for the end of the day), exclusive',
  })
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'to must be a time as HH:MM' })
  to: string;
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

  @ApiPropertyOptional({
    example: 'a.example@pcc.example',
    description: 'Where seating notices and reminders are emailed',
  })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address such as a.example@pcc.example' })
  email?: string;

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

  @ApiPropertyOptional({
    example: 'superintendent',
    description:
      "Police members and chairs: the rank (code or words: chief_superintendent, ACC, Deputy Chief Constable...). HM Chief Inspector of Constabulary and HM Inspectors as hm_chief_inspector_of_constabulary or hm_inspector_of_constabulary. A senior officer's hearing needs a chair who outranks them.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  rank?: string;

  @ApiPropertyOptional({
    example: 'essex',
    description:
      "The member's force: a senior officer's hearing is chaired by an officer from another force; with the chief officer an interested party, another force's chief officer or a Met Assistant Commissioner (force metropolitan) chairs",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  force?: string;

  @ApiPropertyOptional({ example: ['2027-01-06'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each day must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { each: true, message: 'each day must be a real date' })
  unavailableOn?: string[];

  @ApiPropertyOptional({ type: [UnavailablePeriodDto], description: 'Parts of days the member cannot sit' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => UnavailablePeriodDto)
  unavailablePeriods?: UnavailablePeriodDto[];
}

export class AvailabilityDto {
  @ApiProperty({ example: ['2027-01-06'], description: 'Days the member cannot sit' })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each day must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { each: true, message: 'each day must be a real date' })
  unavailableOn: string[];

  @ApiPropertyOptional({
    type: [UnavailablePeriodDto],
    description: 'Parts of days the member cannot sit; absent: those recorded stay as they are',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => UnavailablePeriodDto)
  unavailablePeriods?: UnavailablePeriodDto[];
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
