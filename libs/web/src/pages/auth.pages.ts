import { Body, Controller, Get, HttpCode, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PageAccess, PublicPage } from '../../../platform/src/auth/access.decorator';
import { AuthService } from '../../../platform/src/auth/auth.service';
import { Actor, CurrentUser } from '../../../platform/src/auth/current-user';
import { ROLES } from '../../../platform/src/auth/roles';
import { SESSION_COOKIE, WebSessions } from '../../../platform/src/auth/web-sessions.service';
import { AppConfig } from '../../../platform/src/config/app-config';
import { DomainError } from '../../../platform/src/http/domain-error';
import { HOME } from './nav';
import { page } from './render';

/** Only our own pages may be returned to after sign-in: a path, never another site. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : undefined);

@ApiExcludeController()
@Controller()
export class AuthPages {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessions,
    private readonly config: AppConfig,
  ) {}

  @Get('/')
  @PublicPage()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const actor = await this.sessions.actor(request.cookies[SESSION_COOKIE]);
    return reply.redirect(actor ? HOME[actor.role] : '/sign-in', 303);
  }

  @Get('sign-in')
  @PublicPage()
  signInPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('next') next?: string) {
    return page(request, reply, 'sign-in', { title: 'Sign in', next: safeNext(next) });
  }

  @Post('sign-in')
  @HttpCode(200)
  @PublicPage()
  @UseGuards(ThrottlerGuard)
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: Record<string, unknown>, @Query('next') next?: string) {
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const missing = [!email && { field: 'email', message: 'Enter your email address', href: '#email' }, !password && { field: 'password', message: 'Enter your password', href: '#password' }].filter(Boolean);
    if (missing.length) return page(request, reply, 'sign-in', { title: 'Sign in', email, next: safeNext(next), errors: missing }, 400);
    try {
      const user = await this.auth.verifyCredentials(email, password, { requestId: String(request.id), ip: request.ip });
      const session = await this.sessions.start(user);
      reply.setCookie(SESSION_COOKIE, session, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.NODE_ENV === 'production', maxAge: this.config.WEB_SESSION_HOURS * 3600 });
      return reply.redirect(safeNext(next) ?? HOME[user.role], 303);
    } catch (error) {
      if (!(error instanceof DomainError) || Number(error.status) !== 401) throw error;
      return page(request, reply, 'sign-in', { title: 'Sign in', email, next: safeNext(next), errors: [{ field: 'email', message: 'The email address or password is not right', href: '#email' }] }, 401);
    }
  }

  @Post('sign-out')
  @PageAccess(ROLES)
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @CurrentUser() _actor: Actor) {
    await this.sessions.end(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in', 303);
  }
}
