import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Access, AllowedBeforeTotp, Public } from './access.decorator';
import { AuthService, RequestInfo } from './auth.service';
import { Actor, CurrentUser } from './current-user';
import { IsNotCommonPassword, MIN_PASSWORD_LENGTH } from './password';
import { RateLimit } from './rate-limit';
import { NPA_STAFF, ROLES } from './roles';
import { TotpService } from './totp.service';

const SIX_DIGITS = { message: 'must be the six digits your authenticator app shows' };

class LoginDto {
  // Any string: a malformed email is simply a wrong email (same 401), never a hint.
  @ApiProperty() @IsString() @MaxLength(254)
  email: string;

  @ApiProperty() @IsString() @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ description: 'The one-time code, for an account with codes on (NPA staff who set them up)' })
  @IsOptional() @Matches(/^\d{6}$/, SIX_DIGITS)
  code?: string;
}

class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'Not one of the most common passwords' })
  @IsString() @MinLength(MIN_PASSWORD_LENGTH) @MaxLength(200) @IsNotCommonPassword()
  newPassword: string;
}

class TotpCodeDto {
  @ApiProperty({ example: '123456' }) @Matches(/^\d{6}$/, SIX_DIGITS)
  code: string;
}

const infoOf = (request: FastifyRequest): RequestInfo => ({ requestId: String(request.id), ip: request.ip });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly totp: TotpService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.email, dto.password, dto.code, infoOf(request));
  }

  @Get('me')
  @ApiBearerAuth()
  @Access(ROLES)
  @AllowedBeforeTotp()
  me(@CurrentUser() actor: Actor) {
    return { ...actor, roles: [actor.role] };
  }

  /** Every other sign-in of the account ends; the answer is a fresh token, as from /auth/login. */
  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access(ROLES)
  @RateLimit('login')
  async changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() actor: Actor, @Req() request: FastifyRequest) {
    return this.auth.issueToken(await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, infoOf(request)));
  }

  /** A new secret for the signed-in staff member's authenticator app; codes are asked for once confirmed. */
  @Post('totp/setup')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access(NPA_STAFF)
  @AllowedBeforeTotp()
  @RateLimit('totp')
  setupTotp(@CurrentUser() actor: Actor, @Req() request: FastifyRequest) {
    return this.totp.setup(actor, infoOf(request));
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access(NPA_STAFF)
  @AllowedBeforeTotp()
  @RateLimit('totp')
  async confirmTotp(@Body() dto: TotpCodeDto, @CurrentUser() actor: Actor, @Req() request: FastifyRequest) {
    await this.totp.confirm(actor, dto.code, infoOf(request));
    return { totpEnabled: true };
  }
}
