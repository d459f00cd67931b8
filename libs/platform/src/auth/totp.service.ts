import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toDataURL } from 'qrcode';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { conflict, DomainError, invalid, notFound } from '../http/domain-error';
import { Clock } from '../time/clock';
import { toUserView, UserView } from '../users/user.dto';
import type { Actor } from './current-user';
import { CodeAttempts } from './rate-limit';
import { checkTotpCode, newTotpSecret, otpauthUri } from './totp';
import { TotpSecretBox } from './totp-secret-box';
import { User } from './user.entity';

export interface TotpSetup {
  /** Base32, for typing into the app by hand. */
  secret: string;
  otpauthUri: string;
  /** The same address as a QR code, a PNG data: URL. */
  qrCode: string;
}

interface RequestInfo {
  requestId?: string;
  ip?: string;
}

export const codeRequired = () =>
  new DomainError(
    'AUTH.CODE_REQUIRED',
    HttpStatus.UNAUTHORIZED,
    'This account also needs a one-time code: send code, the six digits your authenticator app shows.',
  );
export const wrongCode = () => new DomainError('AUTH.WRONG_CODE', HttpStatus.UNAUTHORIZED, 'The one-time code is not right, or it has been used already.');

/**
 * One-time codes (TOTP) for NPA staff: set up (a secret, sealed at rest), confirmed with a first code,
 * asked for at every sign-in after the password, turned off only by an NPA admin. Every code tried
 * counts against the account's limit, and a code's time step is claimed in the database so it works once.
 */
@Injectable()
export class TotpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: TotpSecretBox,
    private readonly attempts: CodeAttempts,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A new secret for the signed-in staff member, replacing one not yet confirmed. */
  async setup(actor: Actor, info: RequestInfo = {}): Promise<TotpSetup> {
    const secret = newTotpSecret();
    const [, updated] = await this.dataSource.query<[unknown[], number]>(
      'UPDATE users SET totp_secret = $2, totp_last_step = NULL, updated_at = now() WHERE id = $1 AND totp_enabled_at IS NULL',
      [actor.id, this.box.seal(secret, actor.id)],
    );
    if (updated === 0)
      throw conflict('AUTH.TOTP_ALREADY_ON', 'One-time codes are already on for your account. To set them up again, ask an NPA admin to turn them off first.');
    await this.audit.record({ actor, action: 'user.totp_setup', entity: 'user', entityId: actor.id, ...info });
    return this.describe(actor.email, secret);
  }

  /** The set-up waiting for its first code, if there is one (the page shows it again until confirmed). */
  async pending(actor: Actor): Promise<TotpSetup | null> {
    const user = await this.user(actor.id);
    if (user.totpEnabledAt || !user.totpSecret) return null;
    return this.describe(actor.email, this.box.open(user.totpSecret, user.id));
  }

  /** The first code from the app turns codes on; a wrong one is bad input (400), nothing changes. */
  async confirm(actor: Actor, code: string, info: RequestInfo = {}): Promise<void> {
    await this.attempts.count(actor.id);
    const user = await this.user(actor.id);
    if (user.totpEnabledAt) throw conflict('AUTH.TOTP_ALREADY_ON', 'One-time codes are already on for your account.');
    if (!user.totpSecret) throw conflict('AUTH.TOTP_NOT_SET_UP', 'Set up one-time codes first (POST /auth/totp/setup), then confirm with a code.');
    const check = await checkTotpCode(this.box.open(user.totpSecret, user.id), code, this.epoch(), null);
    if (!check.ok) throw invalid('The code is not right.', [{ field: 'code', problem: 'is not the code your authenticator app shows now' }]);
    const [, enabled] = await this.dataSource.query<[unknown[], number]>(
      'UPDATE users SET totp_enabled_at = now(), totp_last_step = $3, updated_at = now() WHERE id = $1 AND totp_secret = $2 AND totp_enabled_at IS NULL',
      [user.id, user.totpSecret, check.step],
    );
    // Another set-up or confirmation got there first: this code belonged to a secret no longer waiting.
    if (enabled === 0) throw conflict('AUTH.TOTP_CHANGED', 'The set-up changed while you confirmed it; start again.');
    await this.audit.record({ actor, action: 'user.totp_enabled', entity: 'user', entityId: user.id, ...info });
  }

  /**
   * The second step of signing in, for an account with codes on: no code is 401 "code required", a
   * wrong or replayed one 401 "not right"; both audited. The step is claimed atomically, so the same
   * code sent twice at once signs in once.
   */
  async checkSignInCode(user: User, code: string | undefined, info: RequestInfo): Promise<void> {
    const refuse = async (reason: string, error: DomainError): Promise<never> => {
      await this.audit.record({ actor: null, action: 'auth.totp_failed', entity: 'user', entityId: user.id, after: { email: user.email, reason }, ...info });
      throw error;
    };
    if (!code) return refuse('missing', codeRequired());
    await this.attempts.count(user.id);
    if (!user.totpSecret) throw new Error(`User ${user.id} has codes on but no secret`);
    const check = await checkTotpCode(this.box.open(user.totpSecret, user.id), code, this.epoch(), user.totpLastStep);
    if (!check.ok) return refuse(check.replayed ? 'replayed' : 'wrong', wrongCode());
    const [, claimed] = await this.dataSource.query<[unknown[], number]>(
      'UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)',
      [user.id, check.step],
    );
    if (claimed === 0) return refuse('replayed', wrongCode());
  }

  /** An NPA admin turns codes off for someone (a lost phone); they may set them up again. Audited. */
  async disable(userId: string, actor: Actor): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('The user');
      if (!user.totpSecret) throw conflict('AUTH.TOTP_NOT_ON', 'One-time codes are not set up for this account.');
      const before = toUserView(user);
      Object.assign(user, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
      const after = toUserView(await manager.save(user));
      await this.audit.record({ actor, action: 'user.totp_disabled', entity: 'user', entityId: user.id, before, after }, manager);
      return after;
    });
  }

  private async describe(email: string, secret: string): Promise<TotpSetup> {
    const uri = otpauthUri(email, secret);
    return { secret, otpauthUri: uri, qrCode: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
  }

  private async user(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('The user');
    return user;
  }

  private epoch(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}
