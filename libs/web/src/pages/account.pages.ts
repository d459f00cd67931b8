import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  AllowedBeforeTotp,
  PageAccess,
  ChangePasswordDto,
  AuthService,
  Actor,
  CurrentUser,
  MIN_PASSWORD_LENGTH,
  RateLimit,
  isNpaStaff,
  NPA_STAFF,
  ROLES,
  TotpService,
  SESSION_COOKIE,
  WebSessions,
  AppConfig,
  DomainError,
  validateInput,
  UsersService,
} from '@npa/platform';
import { HOME } from './nav';
import { page, PageReply, redirectWithNotice, requestInfo, withFormErrors } from './render';
import { ROLE_NAMES } from './user-form';

const PASSWORD_FIELDS = { currentPassword: 'Current password', newPassword: 'New password' };
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The signed-in person's own account: their password, and for NPA staff their one-time codes. The forms
 * count against the same limits as the API's routes (`login`, `totp`), so switching between them gains nothing.
 */
@ApiExcludeController()
@Controller('account')
export class AccountPages {
  constructor(
    private readonly auth: AuthService,
    private readonly totp: TotpService,
    private readonly users: UsersService,
    private readonly sessions: WebSessions,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @PageAccess(ROLES)
  async account(@PageReply() reply: PageReply, @CurrentUser() actor: Actor, @Query('notice') notice?: string) {
    const account = await this.users.get(actor.id);
    return page(reply, 'account/account', { title: 'Your account', notice, account, roleName: ROLE_NAMES[actor.role], staff: isNpaStaff(actor.role) });
  }

  @Get('password')
  @PageAccess(ROLES)
  password(@PageReply() reply: PageReply) {
    return page(reply, 'account/password', { title: 'Change your password', minLength: MIN_PASSWORD_LENGTH, back: '/account' });
  }

  /** Every other sign-in of the account ends; this browser gets a fresh session and stays signed in. */
  @Post('password')
  @PageAccess(ROLES)
  @RateLimit('login')
  async changePassword(@PageReply() reply: PageReply, @Body() body: Record<string, unknown>, @CurrentUser() actor: Actor) {
    return withFormErrors(
      async () => {
        const dto = validateInput(ChangePasswordDto, { currentPassword: text(body.currentPassword), newPassword: text(body.newPassword) });
        const user = await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, requestInfo(reply));
        reply.setCookie(SESSION_COOKIE, await this.sessions.start(user), {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: this.config.NODE_ENV === 'production',
          maxAge: this.config.WEB_SESSION_HOURS * 3600,
        });
        return redirectWithNotice(reply, '/account', 'Your password has been changed. You have been signed out everywhere else.');
      },
      PASSWORD_FIELDS,
      (errors) => page(reply, 'account/password', { title: 'Change your password', minLength: MIN_PASSWORD_LENGTH, back: '/account', errors }, 400),
    );
  }

  @Get('two-factor')
  @PageAccess(NPA_STAFF)
  @AllowedBeforeTotp()
  async twoFactor(@PageReply() reply: PageReply, @CurrentUser() actor: Actor) {
    return this.twoFactorPage(reply, actor);
  }

  @Post('two-factor/setup')
  @PageAccess(NPA_STAFF)
  @AllowedBeforeTotp()
  @RateLimit('totp')
  async setUp(@PageReply() reply: PageReply, @CurrentUser() actor: Actor) {
    await this.totp.setup(actor, requestInfo(reply));
    return reply.redirect('/account/two-factor', 303);
  }

  @Post('two-factor')
  @PageAccess(NPA_STAFF)
  @AllowedBeforeTotp()
  @RateLimit('totp')
  async confirm(@PageReply() reply: PageReply, @Body() body: Record<string, unknown>, @CurrentUser() actor: Actor) {
    const code = text(body.code).replace(/\s+/g, '');
    try {
      await this.totp.confirm(actor, code, requestInfo(reply));
      return redirectWithNotice(reply, HOME[actor.role], 'One-time codes are on: from now on you sign in with your password and a code from the app.');
    } catch (error) {
      if (!(error instanceof DomainError) || Number(error.status) !== 400) throw error;
      const message = code ? 'The code is not right: enter the code the app shows now' : 'Enter the 6-digit code from the app';
      return this.twoFactorPage(reply, actor, [{ field: 'code', message, href: '#code' }], 400);
    }
  }

  private async twoFactorPage(reply: PageReply, actor: Actor, errors?: object[], status = 200) {
    const account = await this.users.get(actor.id);
    const setup = account.totpEnabled ? null : await this.totp.pending(actor);
    const required = this.config.STAFF_TOTP_REQUIRED;
    // Until codes are on, a staff member who must have them has nowhere else to go back to.
    return page(
      reply,
      'account/two-factor',
      { title: 'One-time codes', account, setup, required, errors, back: required && !account.totpEnabled ? undefined : '/account' },
      status,
    );
  }
}
