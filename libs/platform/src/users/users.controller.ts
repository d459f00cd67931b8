import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { SignInLocks } from '../auth/sign-in-locks';
import { TotpService } from '../auth/totp.service';
import { NoBody, ParseId } from '../http/validation';
import { Actor, CurrentUser } from '../auth/current-user';
import { ROLES } from '../auth/roles';
import type { Role } from '../auth/roles';
import { PageQuery, pageOf } from '../http/pagination';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersService } from './users.service';

class UserQuery extends PageQuery {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly totp: TotpService,
    private readonly locks: SignInLocks,
  ) {}

  @Post()
  @Access(['npa_admin'])
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: Actor) {
    return this.users.create(dto, actor);
  }

  @Get()
  @Access(['npa_admin'])
  async list(@Query() query: UserQuery) {
    const { items, total } = await this.users.list(query);
    return pageOf(items, total, query);
  }

  @Get(':id')
  @Access(['npa_admin'])
  get(@Param('id', ParseId) id: string) {
    return this.users.get(id);
  }

  @Patch(':id')
  @Access(['npa_admin'])
  update(@Param('id', ParseId) id: string, @Body() dto: UpdateUserDto, @CurrentUser() actor: Actor) {
    return this.users.update(id, dto, actor);
  }

  /** Turns one-time codes off for a user (a lost phone); they can set them up again. Audited. */
  @Delete(':id/totp')
  @Access(['npa_admin'])
  disableTotp(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor) {
    return this.totp.disable(id, actor);
  }

  /** Lifts the pause on a user's sign-ins after too many failures (SignInLocks), so they can sign in now. Audited. */
  @Delete(':id/sign-in-lock')
  @Access(['npa_admin'])
  liftSignInLock(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor) {
    return this.locks.lift(id, actor);
  }
}
