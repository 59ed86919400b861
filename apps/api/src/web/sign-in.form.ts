import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The sign-in form as posted by the browser. Empty fields are answered on the page, not as a 400. */
export class SignInForm {
  @IsOptional() @IsString() @MaxLength(200) username?: string;
  @IsOptional() @IsString() @MaxLength(1_000) password?: string;
  @IsOptional() @IsString() @MaxLength(2_000) next?: string;
  @IsString() _csrf: string;
}
