import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Access, Public } from './access.decorator';
import { AuthService } from './auth.service';
import { Actor, CurrentUser } from './current-user';
import { ROLES } from './roles';

class LoginDto {
  // Any string: a malformed email is simply a wrong email (same 401), never a hint.
  @ApiProperty() @IsString() @MaxLength(254)
  email: string;

  @ApiProperty() @IsString() @MaxLength(200)
  password: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest) {
    return this.auth.login(dto.email, dto.password, { requestId: String(request.id), ip: request.ip });
  }

  @Get('me')
  @ApiBearerAuth()
  @Access(ROLES)
  me(@CurrentUser() actor: Actor) {
    return { ...actor, roles: [actor.role] };
  }
}
