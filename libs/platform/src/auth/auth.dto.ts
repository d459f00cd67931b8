import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsNotCommonPassword, MIN_PASSWORD_LENGTH } from './password';

const SIX_DIGITS = { message: 'must be the six digits your authenticator app shows' };

export class LoginDto {
  // Any string: a malformed email is simply a wrong email (same 401), never a hint.
  @ApiProperty()
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ description: 'The one-time code, for an account with codes on (NPA staff who set them up)' })
  @IsOptional()
  @Matches(/^\d{6}$/, SIX_DIGITS)
  code?: string;

  @ApiPropertyOptional({ description: 'The unlock code emailed to the account holder when sign-ins to the account were paused (429)' })
  @IsOptional()
  @Matches(/^[A-Za-z2-7]{5}-?[A-Za-z2-7]{5}$/, { message: 'must be the code from the email, such as ABCDE-FGH23' })
  unlockCode?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    description: 'A project rule: at least 10 characters, and not one of the ~49,000 most common passwords (refused with 400 naming the field).',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  @IsNotCommonPassword()
  newPassword: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, SIX_DIGITS)
  code: string;
}
