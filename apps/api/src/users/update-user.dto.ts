import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, type Role, type UpdateUserInput } from '@precedent/identity';

export class UpdateUserDto implements UpdateUserInput {
  @ApiPropertyOptional({ enum: ROLES, isArray: true, example: ['investigator', 'appropriate_authority'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles needs at least one role' })
  @IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ example: 'DC Alex Morgan' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ nullable: true, example: 'north' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  team?: string | null;

  @ApiPropertyOptional({ description: 'A disabled user cannot sign in; open sessions stop at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
