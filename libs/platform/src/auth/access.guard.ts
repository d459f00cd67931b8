import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../http/domain-error';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, AccessRule, BEFORE_TOTP_KEY, UPLOAD_KEY } from './access.decorator';
import { CSRF_FIELD, CSRF_HEADER, requireTokenFirst } from './csrf';
import type { Actor } from './current-user';
import { isNpaStaff } from './roles';
import { Authenticator, Caller, unauthorised } from './authenticator';
import { needsTotpSetup, totpSetupRequired } from './totp-policy';
import { SESSION_COOKIE, WebSessions } from './web-sessions.service';
import { isUuid, ScopeRegistry } from './scope.registry';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
  body?: unknown;
  page?: boolean;
  server?: { csrfProtection?: (request: unknown, reply: unknown, done: (error?: Error) => void) => void };
  params: Record<string, string>;
  user?: Actor;
  id?: string;
  ip?: string;
  method?: string;
  url?: string;
  isMultipart?: () => boolean;
}

const csrfRefused = () =>
  new DomainError('FORBIDDEN', HttpStatus.FORBIDDEN, 'This form has expired or did not come from this site. Go back, reload the page and try again.');
export const notYours = () => new DomainError('NOT_FOUND', HttpStatus.NOT_FOUND, 'Not found.');

/**
 * The single gate every request passes: who is calling (a bearer token for a live account whose role
 * has not changed since), whether their role may call this route (403), and, outside the NPA office,
 * whether the record named in the route is theirs (404). Refusals of signed-in users are audited.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly sessions: WebSessions,
    private readonly scopes: ScopeRegistry,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    if (rule.page) {
      request.page = true;
      if (request.method === 'POST') {
        const reply = context.switchToHttp().getResponse<unknown>();
        const upload = this.reflector.getAllAndOverride<boolean>(UPLOAD_KEY, [context.getHandler(), context.getClass()]);
        if (upload && request.isMultipart?.() && !request.headers[CSRF_HEADER]) this.checkCsrfFirstField(request, reply);
        else await this.checkCsrf(request, reply);
      }
    }
    if (rule.public) return true;

    const { actor, totpEnabled } = rule.page ? await this.sessionCaller(request) : await this.authenticator.caller(request.headers);
    request.user = actor;
    if (
      needsTotpSetup(this.config.STAFF_TOTP_REQUIRED, actor.role, totpEnabled) &&
      !this.reflector.getAllAndOverride<boolean>(BEFORE_TOTP_KEY, [context.getHandler(), context.getClass()])
    ) {
      return this.refuse(request, actor, 'totp-setup', totpSetupRequired());
    }
    if (isNpaStaff(actor.role)) {
      if (rule.roles?.includes(actor.role)) return true;
      return this.refuse(request, actor, 'role', new DomainError('FORBIDDEN', HttpStatus.FORBIDDEN, 'Your role may not do this.'));
    }
    if (!rule.roles?.includes(actor.role)) {
      return this.refuse(request, actor, 'role', new DomainError('FORBIDDEN', HttpStatus.FORBIDDEN, 'Your role may not do this.'));
    }
    if (rule.scope) {
      const id = request.params[rule.scope.param];
      const owns = isUuid(id) && (await this.scopes.owns(rule.scope.kind, id, actor));
      if (!owns) return this.refuse(request, actor, `scope:${rule.scope.kind}`, notYours());
    }
    return true;
  }

  private async sessionCaller(request: GuardedRequest): Promise<Caller> {
    const caller = await this.sessions.caller(request.cookies?.[SESSION_COOKIE]);
    if (!caller) throw unauthorised();
    return caller;
  }

  /** A form posted from anywhere but our own page is refused before it changes anything. */
  private async checkCsrf(request: GuardedRequest, reply: unknown): Promise<void> {
    const protect = request.server?.csrfProtection;
    if (!protect) throw new Error('CSRF protection is not registered');
    // The plugin answers a refusal itself (reply.send); catch that here so the refusal takes our shape.
    await new Promise<void>((resolve, reject) => {
      const refusing = Object.create(reply as object, { send: { value: () => reject(csrfRefused()) } }) as unknown;
      protect(request, refusing, (error) => (error ? reject(csrfRefused()) : resolve()));
    });
    if (request.body && typeof request.body === 'object') delete (request.body as Record<string, unknown>)[CSRF_FIELD];
  }

  /** An upload's token is its form's first field: checked, the same way, when the handler starts reading the form. */
  private checkCsrfFirstField(request: GuardedRequest, reply: unknown): void {
    requireTokenFirst(request as unknown as FastifyRequest, async (token) => {
      if (token === undefined) throw csrfRefused();
      request.body = { [CSRF_FIELD]: token };
      try {
        await this.checkCsrf(request, reply);
      } finally {
        request.body = undefined;
      }
    });
  }

  private async refuse(request: GuardedRequest, actor: Actor, reason: string, error: DomainError): Promise<never> {
    await this.audit.record({
      actor,
      action: 'access.refused',
      entity: 'route',
      entityId: `${request.method} ${request.url}`.slice(0, 300),
      after: { reason, status: error.status },
      requestId: request.id,
      ip: request.ip,
    });
    throw error;
  }
}
