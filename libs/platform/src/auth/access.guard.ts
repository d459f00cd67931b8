import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DomainError } from '../http/domain-error';
import { AuditService } from '../audit/audit.service';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import type { Actor } from './current-user';
import { isNpaStaff } from './roles';
import { isUuid, ScopeRegistry } from './scope.registry';
import { User } from './user.entity';

export interface TokenClaims {
  sub: string;
  ver: number;
}

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string>;
  user?: Actor;
  id?: string;
  ip?: string;
  method?: string;
  url?: string;
}

const unauthorised = () => new DomainError('AUTH.UNAUTHORISED', HttpStatus.UNAUTHORIZED, 'Sign in to do this.');
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
    private readonly jwt: JwtService,
    private readonly scopes: ScopeRegistry,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new Error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    if (rule.public) return true;

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const actor = await this.authenticate(request);
    request.user = actor;
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

  private async authenticate(request: GuardedRequest): Promise<Actor> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw unauthorised();
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthorised();
    }
    if (!isUuid(claims.sub)) throw unauthorised();
    const user = await this.dataSource.getRepository(User).findOneBy({ id: claims.sub, disabledAt: IsNull() });
    if (!user || user.tokenVersion !== claims.ver) throw unauthorised();
    return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
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
