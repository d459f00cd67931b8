import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AllowedBeforeTotp,
  PageAccess,
  PublicPage,
  AuthService,
  Actor,
  CurrentUser,
  RateLimit,
  ROLES,
  isUuid,
  TotpService,
  User,
  SESSION_COOKIE,
  WebSessions,
  AppConfig,
  DomainError,
} from '@npa/platform';
import { HOME } from './nav';
import { page, PageReply, requestInfo } from './render';

/** Only our own pages may be returned to after sign-in: a path, never another site. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : undefined);
const withNext = (path: string, next: string | undefined) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);

/**
 * Between a right password and the one-time code: a signed cookie naming the account and its token
 * version, good for five minutes and only on the sign-in pages. It proves the password was given; it
 * is no session, and the code step still counts every code against the account.
 */
const PENDING_COOKIE = 'npa_sign_in';
const PENDING_SECONDS = 300;

const failedCode = (error: unknown) => error instanceof DomainError && Number(error.status) === 401;

@ApiExcludeController()
@Controller()
export class AuthPages {
  constructor(
    private readonly auth: AuthService,
    private readonly totp: TotpService,
    private readonly sessions: WebSessions,
    private readonly config: AppConfig,
  ) {}

  @Get('/')
  @PublicPage()
  async home(@PageReply() reply: PageReply) {
    const actor = await this.sessions.actor(reply.request.cookies[SESSION_COOKIE]);
    return reply.redirect(actor ? HOME[actor.role] : '/sign-in', 303);
  }

  @Get('sign-in')
  @PublicPage()
  signInPage(@PageReply() reply: PageReply, @Query('next') next?: string) {
    return page(reply, 'sign-in', { title: 'Sign in', next: safeNext(next) });
  }

  @Post('sign-in')
  @HttpCode(200)
  @PublicPage()
  @RateLimit('login')
  async signIn(@PageReply() reply: PageReply, @Body() body: Record<string, unknown>, @Query('next') next?: string) {
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const unlockCode = typeof body.unlockCode === 'string' && body.unlockCode.trim() ? body.unlockCode.trim() : undefined;
    const missing = [
      !email && { field: 'email', message: 'Enter your email address', href: '#email' },
      !password && { field: 'password', message: 'Enter your password', href: '#password' },
    ].filter(Boolean);
    if (missing.length) return page(reply, 'sign-in', { title: 'Sign in', email, next: safeNext(next), errors: missing }, 400);
    let user: User;
    try {
      user = await this.auth.checkPassword(email, password, requestInfo(reply), unlockCode);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'AUTH.ACCOUNT_LOCKED') {
        const message =
          'Sign-ins to this account are paused after too many wrong passwords. Wait a few minutes, or enter the unlock code we emailed to the account holder';
        return page(
          reply,
          'sign-in',
          { title: 'Sign in', email, next: safeNext(next), locked: true, errors: [{ field: 'unlockCode', message, href: '#unlockCode' }] },
          429,
        );
      }
      if (!(error instanceof DomainError) || Number(error.status) !== 401) throw error;
      return page(
        reply,
        'sign-in',
        { title: 'Sign in', email, next: safeNext(next), errors: [{ field: 'email', message: 'The email address or password is not right', href: '#email' }] },
        401,
      );
    }
    if (!user.totpEnabledAt) return this.startSession(reply, user, next);
    const pending = `${user.id}.${user.tokenVersion}.${Date.now() + PENDING_SECONDS * 1000}`;
    reply.setCookie(PENDING_COOKIE, pending, {
      path: '/sign-in',
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.NODE_ENV === 'production',
      maxAge: PENDING_SECONDS,
    });
    return reply.redirect(withNext('/sign-in/code', safeNext(next)), 303);
  }

  @Get('sign-in/code')
  @PublicPage()
  async codePage(@PageReply() reply: PageReply, @Query('next') next?: string) {
    if (!(await this.pendingUser(reply.request))) return reply.redirect(withNext('/sign-in', safeNext(next)), 303);
    return page(reply, 'sign-in-code', { title: 'Enter your code', next: safeNext(next) });
  }

  @Post('sign-in/code')
  @HttpCode(200)
  @PublicPage()
  @RateLimit('totp')
  async code(@PageReply() reply: PageReply, @Body() body: Record<string, unknown>, @Query('next') next?: string) {
    const user = await this.pendingUser(reply.request);
    if (!user) return reply.redirect(withNext('/sign-in', safeNext(next)), 303);
    // Apps show the code as "123 456"; people type it either way.
    const code = typeof body.code === 'string' ? body.code.replace(/\s+/g, '') : '';
    const again = (message: string, status: number) =>
      page(reply, 'sign-in-code', { title: 'Enter your code', next: safeNext(next), errors: [{ field: 'code', message, href: '#code' }] }, status);
    if (!code) return again('Enter the 6-digit code from your authenticator app', 400);
    try {
      await this.totp.checkSignInCode(user, code, requestInfo(reply));
    } catch (error) {
      if (!failedCode(error)) throw error;
      return again('The code is not right, or it has been used already: enter the code your app shows now', 401);
    }
    reply.clearCookie(PENDING_COOKIE, { path: '/sign-in' });
    return this.startSession(reply, user, next);
  }

  @Post('sign-out')
  @PageAccess(ROLES)
  @AllowedBeforeTotp()
  async signOut(@PageReply() reply: PageReply, @CurrentUser() _actor: Actor) {
    await this.sessions.end(reply.request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in', 303);
  }

  private async startSession(reply: PageReply, user: User, next: string | undefined) {
    await this.auth.recordSignIn(user, requestInfo(reply));
    const session = await this.sessions.start(user);
    reply.setCookie(SESSION_COOKIE, session, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.NODE_ENV === 'production',
      maxAge: this.config.WEB_SESSION_HOURS * 3600,
    });
    return reply.redirect(safeNext(next) ?? HOME[user.role], 303);
  }

  /** The account whose password was just given, if the cookie is ours, fresh, and the account unchanged. */
  private async pendingUser(request: FastifyRequest): Promise<User | null> {
    const raw = request.cookies[PENDING_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    if (!unsigned?.valid || !unsigned.value) return null;
    const [id, version, until] = unsigned.value.split('.');
    if (!isUuid(id) || !(Number(until) > Date.now())) return null;
    const user = await this.auth.activeUser(id);
    return user && user.totpEnabledAt && String(user.tokenVersion) === version ? user : null;
  }
}
