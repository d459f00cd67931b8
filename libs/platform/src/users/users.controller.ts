import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { SignInLocks } from '../auth/sign-in-locks';
import { TotpService } from '../auth/totp.service';
import { ApiConflict } from '../http/openapi';
import { NoBody, ParseId } from '../http/validation';
import { Actor, CurrentUser } from '../auth/current-user';
import { pageOf } from '../http/pagination';
import { CreateUserDto, UpdateUserDto, UserQuery } from './user.dto';
import { SignInLockLifted, UserPage, UserResponse } from './users.responses';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly totp: TotpService,
    private readonly locks: SignInLocks,
  ) {}

  /** Make a user: NPA staff, a service's manager, a setting's contact or a trainer. */
  @Post()
  @Access(['npa_admin'])
  @ApiConflict('A user with this email already exists.')
  createUser(@Body() dto: CreateUserDto, @CurrentUser() actor: Actor): Promise<UserResponse> {
    return this.users.create(dto, actor);
  }

  /** List users, newest first, optionally of one role. */
  @Get()
  @Access(['npa_admin'])
  async listUsers(@Query() query: UserQuery): Promise<UserPage> {
    const { items, total } = await this.users.list(query);
    return pageOf(items, total, query);
  }

  /** One user. */
  @Get(':id')
  @Access(['npa_admin'])
  getUser(@Param('id', ParseId) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  /** Change a user's name, role or organisation, or disable them (their sign-ins end). */
  @Patch(':id')
  @Access(['npa_admin'])
  updateUser(@Param('id', ParseId) id: string, @Body() dto: UpdateUserDto, @CurrentUser() actor: Actor): Promise<UserResponse> {
    return this.users.update(id, dto, actor);
  }

  /** Turns one-time codes off for a user (a lost phone); they can set them up again. Audited. */
  @Delete(':id/totp')
  @Access(['npa_admin'])
  @ApiConflict('One-time codes are not set up for this account.')
  disableTotp(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor): Promise<UserResponse> {
    return this.totp.disable(id, actor);
  }

  /** Lifts the pause on a user's sign-ins after too many failures (SignInLocks), so they can sign in now. Audited. */
  @Delete(':id/sign-in-lock')
  @Access(['npa_admin'])
  liftSignInLock(@Param('id', ParseId) id: string, @Body(NoBody) _body: undefined, @CurrentUser() actor: Actor): Promise<SignInLockLifted> {
    return this.locks.lift(id, actor);
  }
}
