import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { NoBody } from '../http/validation';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, AllowedBeforeTotp, Public } from './access.decorator';
import { ChangePasswordDto, LoginDto, TotpCodeDto } from './auth.dto';
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

  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.email, dto.password, dto.code, infoOf(request), dto.unlockCode);
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
  setupTotp(@Body(NoBody) _body: undefined, @CurrentUser() actor: Actor, @Req() request: FastifyRequest) {
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
