import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'inv.demo' })
  @IsString()
  @MinLength(1, { message: 'username is required' })
  @MaxLength(200)
  username: string;

  @ApiProperty({ example: 'a long passphrase' })
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(1_000)
  password: string;
}

export class LoginResponse {
  @ApiProperty({ example: 'pct_3q2…' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the token expires', example: 28800 })
  expiresIn: number;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';
}
