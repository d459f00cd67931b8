import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConflict, ApiUnauthorized } from '../http/openapi';
import { NoBody } from '../http/validation';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, AllowedBeforeTotp, Public } from './access.decorator';
import { ChangePasswordDto, LoginDto, TotpCodeDto } from './auth.dto';
import { CurrentUserResponse, LoginResponse, TotpConfirmedResponse, TotpSetupResponse } from './auth.responses';
import { AuthService, RequestInfo } from './auth.service';
import { Actor, CurrentUser } from './current-user';
import { RateLimit } from './rate-limit';
import { NPA_STAFF, ROLES } from './roles';
import { TotpService } from './totp.service';

const infoOf = (request: FastifyRequest): RequestInfo => ({ requestId: String(request.id), ip: request.ip });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly totp: TotpService,
  ) {}

  /** Sign in with an email and password (and a one-time code when the account has codes on): a bearer token. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  @ApiUnauthorized('The email or password is not right.')
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, dto.code, infoOf(request), dto.unlockCode);
  }

  /** Who the bearer token belongs to. */
  @Get('me')
  @ApiBearerAuth()
  @Access(ROLES)
  @AllowedBeforeTotp()
  getCurrentUser(@CurrentUser() actor: Actor): CurrentUserResponse {
    return { ...actor, roles: [actor.role] };
  }

  /** Change the signed-in user's password: every other sign-in of the account ends; the answer is a fresh token, as from /auth/login. */
  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access(ROLES)
  @RateLimit('login')
  async changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() actor: Actor, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.issueToken(await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, infoOf(request)));
  }

  /** A new secret for the signed-in staff member's authenticator app; codes are asked for once confirmed. */
  @Post('totp/setup')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access(NPA_STAFF)
  @AllowedBeforeTotp()
  @RateLimit('totp')
  @ApiConflict('One-time codes are already on for your account. To set them up again, ask an NPA admin to turn them off first.')
  setupTotp(@Body(NoBody) _body: undefined, @CurrentUser() actor: Actor, @Req() request: FastifyRequest): Promise<TotpSetupResponse> {
    return this.totp.setup(actor, infoOf(request));
  }

  /** Turn one-time codes on with a code from the app set up by /auth/totp/setup. */
  @Post('totp/confirm')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access(NPA_STAFF)
  @AllowedBeforeTotp()
  @RateLimit('totp')
  @ApiConflict(
    'One-time codes are already on for your account.',
    'Set up one-time codes first (POST /auth/totp/setup), then confirm with a code.',
    'The set-up changed while you confirmed it; start again.',
  )
  async confirmTotp(@Body() dto: TotpCodeDto, @CurrentUser() actor: Actor, @Req() request: FastifyRequest): Promise<TotpConfirmedResponse> {
    await this.totp.confirm(actor, dto.code, infoOf(request));
    return { totpEnabled: true };
  }
}
