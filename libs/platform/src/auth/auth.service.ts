import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { DomainError, invalid } from '../http/domain-error';
import { UsersService } from '../users/users.service';
import type { TokenClaims } from './authenticator';
import type { Actor } from './current-user';
import { assertNewPassword, verifyPassword } from './password';
import { accountLocked, SignInLocks } from './sign-in-locks';
import { TotpService } from './totp.service';
import { User } from './user.entity';

export interface LoginResult {
  accessToken: string;
  expiresAt: string;
  user: { id: string; email: string; name: string; roles: string[]; organisationId: string | null; totpEnabled: boolean };
}

export interface RequestInfo {
  requestId?: string;
  ip?: string;
}

/**
 * Signing in: the password, then, for an account with one-time codes on, the code. A wrong email and a
 * wrong password get one answer; only a right password earns "a code is needed" (API.md's 401 either way).
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly totp: TotpService,
    private readonly users: UsersService,
    private readonly locks: SignInLocks,
  ) {}

  async login(email: string, password: string, code: string | undefined, info: RequestInfo, unlockCode?: string): Promise<LoginResult> {
    const user = await this.checkPassword(email, password, info, unlockCode);
    if (user.totpEnabledAt) await this.totp.checkSignInCode(user, code, info);
    await this.recordSignIn(user, info);
    return this.issueToken(user);
  }

  /**
   * The live account with this email and password; a failure is audited and answers one way for all.
   * While the address is locked (SignInLocks) every try answers 429 alike, except the right password
   * for an account with one-time codes (the code is asked for next) or with the code emailed to its owner.
   */
  async checkPassword(email: string, password: string, info: RequestInfo, unlockCode?: string): Promise<User> {
    const locked = await this.locks.locked(email);
    const user = await this.dataSource.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.disabledAt) {
      await this.audit.record({ actor: null, action: 'auth.login_failed', entity: 'user', entityId: user?.id ?? null, after: { email, locked }, ...info });
      if (locked) throw accountLocked();
      await this.locks.failed(email, user && !user.disabledAt ? user : null);
      throw new DomainError('AUTH.INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED, 'The email or password is not right.');
    }
    if (locked && !user.totpEnabledAt && !(unlockCode && (await this.locks.useUnlockCode(user.id, unlockCode)))) {
      await this.audit.record({
        actor: null,
        action: 'auth.login_locked',
        entity: 'user',
        entityId: user.id,
        after: { email, unlockCode: unlockCode ? 'not right' : 'none' },
        ...info,
      });
      throw accountLocked();
    }
    return user;
  }

  /** Every factor passed: the sign-in goes in the audit log, with how it was made. */
  async recordSignIn(user: User, info: RequestInfo): Promise<void> {
    await this.locks.clear(user.email);
    await this.audit.record({
      actor: user,
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      after: { secondFactor: user.totpEnabledAt ? 'totp' : null },
      ...info,
    });
  }

  /**
   * A signed-in user changes their own password, giving the current one. Every other sign-in ends (the
   * token version moves on); the caller gets a fresh token, and a browser a fresh session.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, info: RequestInfo): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.id });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.audit.record({ actor, action: 'auth.password_change_failed', entity: 'user', entityId: user.id, ...info });
      throw invalid('Your current password is not right.', [{ field: 'currentPassword', problem: 'is not right' }]);
    }
    if (currentPassword === newPassword) throw invalid('Choose a new password.', [{ field: 'newPassword', problem: 'must differ from your current password' }]);
    assertNewPassword(newPassword, 'newPassword');
    await this.users.update(user.id, { password: newPassword }, actor);
    return this.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
  }

  /** The account by id, unless it is disabled. */
  async activeUser(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id, disabledAt: IsNull() });
  }

  async issueToken(user: User): Promise<LoginResult> {
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: this.config.JWT_TTL_SECONDS });
    const expiresAt = new Date(Date.now() + this.config.JWT_TTL_SECONDS * 1000).toISOString();
    return {
      accessToken,
      expiresAt,
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        roles: [user.role],
        organisationId: user.organisationId,
        totpEnabled: user.totpEnabledAt !== null,
      },
    };
  }
}
