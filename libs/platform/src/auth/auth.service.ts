import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../http/domain-error';
import type { TokenClaims } from './authenticator';
import { verifyPassword } from './password';
import { User } from './user.entity';

export interface LoginResult {
  accessToken: string;
  expiresAt: string;
  user: { id: string; email: string; name: string; roles: string[]; organisationId: string | null };
}

export interface RequestInfo {
  requestId?: string;
  ip?: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, info: RequestInfo): Promise<LoginResult> {
    const user = await this.verifyCredentials(email, password, info);
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: this.config.JWT_TTL_SECONDS });
    const expiresAt = new Date(Date.now() + this.config.JWT_TTL_SECONDS * 1000).toISOString();
    return {
      accessToken,
      expiresAt,
      user: { id: user.id, email: user.email, name: user.name, roles: [user.role], organisationId: user.organisationId },
    };
  }

  /** The live account with this email and password, audited either way; one answer for every failure. */
  async verifyCredentials(email: string, password: string, info: RequestInfo): Promise<User> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.disabledAt) {
      await this.audit.record({ actor: null, action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null, after: { email }, ...info });
      throw new DomainError('AUTH.INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED, 'The email or password is not right.');
    }
    await this.audit.record({ actor: user, action: 'auth.login', entity: 'user', entityId: user.id, ...info });
    return user;
  }
}
