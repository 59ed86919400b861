import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH, ROLES, type CreateUserInput, type Role } from '@precedent/identity';

export class CreateUserDto implements CreateUserInput {
  @ApiProperty({ example: 'inv.morgan' })
  @IsString()
  @MinLength(2)
  @MaxLength(63)
  username: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1_000)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['investigator'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles needs at least one role' })
  @IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiPropertyOptional({ example: 'DC Alex Morgan' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ example: 'north' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  team?: string;
}
