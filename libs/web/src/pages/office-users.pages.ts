import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  PageAccess,
  Actor,
  CurrentUser,
  MIN_PASSWORD_LENGTH,
  SignInLocks,
  TotpService,
  PageQuery,
  ParseId,
  validateInput,
  CreateUserDto,
  UpdateUserDto,
  UsersService,
} from '@npa/platform';
import { OrganisationOptions } from './organisation-options';
import { page, PageReply, redirectWithNotice, withFormErrors } from './render';
import { readUserForm, ROLE_NAMES, roleChoices, userFormErrors } from './user-form';

const passwordHint = `At least ${MIN_PASSWORD_LENGTH} characters, and not one of the most common passwords. Tell them to change it when they first sign in.`;

/** Users and their roles, for NPA admins: add one, change a role, disable or enable an account. */
@ApiExcludeController()
@Controller('office/users')
export class OfficeUsersPages {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationOptions,
    private readonly totp: TotpService,
    private readonly locks: SignInLocks,
  ) {}

  @Get()
  @PageAccess(['npa_admin'])
  async list(@PageReply() reply: PageReply, @Query('notice') notice?: string) {
    const [{ items, total }, options] = await Promise.all([this.users.list(Object.assign(new PageQuery(), { pageSize: 500 })), this.organisations.all()]);
    const names = new Map([...options.services, ...options.settings].map((o) => [o.id, o.name]));
    const users = items.map((u) => ({
      ...u,
      roleName: ROLE_NAMES[u.role],
      organisation: u.organisationId ? (names.get(u.organisationId) ?? u.organisationId) : null,
    }));
    return page(reply, 'office/users', { title: 'Users and roles', notice, users, total });
  }

  @Get('new')
  @PageAccess(['npa_admin'])
  async newUser(@PageReply() reply: PageReply) {
    return page(reply, 'office/user-new', {
      title: 'Add a user',
      passwordHint,
      form: {},
      roles: roleChoices(undefined, undefined, await this.organisations.all()),
      back: '/office/users',
    });
  }

  @Post()
  @PageAccess(['npa_admin'])
  async create(@PageReply() reply: PageReply, @Body() body: Record<string, unknown>, @CurrentUser() actor: Actor) {
    const form = readUserForm(body);
    return withFormErrors(
      async () => {
        const user = await this.users.create(validateInput(CreateUserDto, form), actor);
        return redirectWithNotice(reply, '/office/users', `${user.name} can now sign in as ${ROLE_NAMES[user.role]}.`);
      },
      (error) => userFormErrors(error, form.role),
      async (errors, status) => {
        const roles = roleChoices(form.role, form.organisationId, await this.organisations.all());
        return page(
          reply,
          'office/user-new',
          { title: 'Add a user', passwordHint, form: { ...form, password: '' }, roles, errors, back: '/office/users' },
          status === 409 ? 409 : 400,
        );
      },
    );
  }

  @Get(':id')
  @PageAccess(['npa_admin'])
  async edit(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Query('notice') notice?: string) {
    const user = await this.users.get(id);
    const roles = roleChoices(user.role, user.organisationId ?? undefined, await this.organisations.all());
    return page(reply, 'office/user', { title: user.name, account: user, roles, notice, back: '/office/users' });
  }

  @Post(':id')
  @PageAccess(['npa_admin'])
  async changeRole(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Body() body: Record<string, unknown>, @CurrentUser() actor: Actor) {
    const form = readUserForm(body);
    return withFormErrors(
      async () => {
        const user = await this.users.update(id, validateInput(UpdateUserDto, { role: form.role, organisationId: form.organisationId }), actor);
        return redirectWithNotice(reply, `/office/users/${id}`, `${user.name} is now ${ROLE_NAMES[user.role]}. They must sign in again.`);
      },
      (error) => userFormErrors(error, form.role),
      async (errors) => {
        const account = await this.users.get(id);
        const roles = roleChoices(form.role, form.organisationId, await this.organisations.all());
        return page(reply, 'office/user', { title: account.name, account, roles, errors, back: '/office/users' }, 400);
      },
    );
  }

  @Post(':id/access')
  @PageAccess(['npa_admin'])
  async access(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @Body() body: Record<string, unknown>, @CurrentUser() actor: Actor) {
    const disabled = body.disabled === 'true';
    const user = await this.users.update(id, validateInput(UpdateUserDto, { disabled }), actor);
    return redirectWithNotice(reply, `/office/users/${id}`, disabled ? `${user.name} can no longer sign in.` : `${user.name} can sign in again.`);
  }

  /** A staff member lost their phone: their one-time codes go off (audited) until they set them up again. */
  @Post(':id/two-factor')
  @PageAccess(['npa_admin'])
  async turnOffCodes(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @CurrentUser() actor: Actor) {
    const user = await this.totp.disable(id, actor);
    return redirectWithNotice(reply, `/office/users/${id}`, `One-time codes are off for ${user.name}.`);
  }

  /** Too many failed sign-ins paused theirs; they rang the office, so an admin lets them sign in now (audited). */
  @Post(':id/sign-in-lock')
  @PageAccess(['npa_admin'])
  async liftSignInLock(@PageReply() reply: PageReply, @Param('id', ParseId) id: string, @CurrentUser() actor: Actor) {
    const { wasLocked } = await this.locks.lift(id, actor);
    return redirectWithNotice(
      reply,
      `/office/users/${id}`,
      wasLocked ? 'Their sign-ins are no longer paused.' : 'Their sign-ins were not paused; any count of failed sign-ins starts again.',
    );
  }
}
