import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { prepared } from '../database/prepared';
import { DomainError } from '../http/domain-error';
import type { Actor } from './current-user';
import { isUuid } from './scope.registry';
import type { User } from './user.entity';

export interface TokenClaims {
  sub: string;
  ver: number;
}

export interface Caller {
  actor: Actor;
  totpEnabled: boolean;
}

interface CallerRow {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  organisation_id: string | null;
  token_version: number;
  totp_enabled: boolean;
}

export const unauthorised = () => new DomainError('AUTH.UNAUTHORISED', HttpStatus.UNAUTHORIZED, 'Sign in to do this.');

/**
 * Who is calling: a bearer token (HS256 only) for a live account whose role has not changed since it
 * was issued. The access guard and the queue dashboard both ask here.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async authenticate(headers: Record<string, string | string[] | undefined>): Promise<Actor> {
    return (await this.caller(headers)).actor;
  }

  /** The caller, and whether they have one-time codes on (STAFF_TOTP_REQUIRED asks). */
  async caller(headers: Record<string, string | string[] | undefined>): Promise<Caller> {
    const header = headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw unauthorised();
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw unauthorised();
    }
    if (!isUuid(claims.sub)) throw unauthorised();
    // Every signed-in request runs this: a prepared statement of the columns it needs, not the repository
    // (TypeORM's query building showed in its profile; README, Benchmarks). Not cached: disabling an
    // account or changing its role must refuse its tokens from the next request on.
    const [user] = await prepared<CallerRow>(
      this.dataSource,
      'auth.caller',
      'SELECT id, email, name, role, organisation_id, token_version, totp_enabled_at IS NOT NULL AS totp_enabled FROM users WHERE id = $1 AND disabled_at IS NULL',
      [claims.sub],
    );
    if (!user || user.token_version !== claims.ver) throw unauthorised();
    return {
      actor: { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisation_id },
      totpEnabled: user.totp_enabled,
    };
  }
}
