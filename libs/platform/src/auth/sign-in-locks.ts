import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { DomainError, notFound } from '../http/domain-error';
import { Mailer } from '../mail/mailer';
import { JobQueue } from '../queue/job-queue';
import { jobId } from '../queue/jobs';
import { OnJob } from '../queue/on-job.decorator';
import { REDIS } from '../redis/redis.module';
import { base32Encode } from './base32';
import type { Actor } from './current-user';
import { User } from './user.entity';

/** How long an emailed unlock code works: longer than a lock, so the owner can use it after reading their mail. */
export const UNLOCK_CODE_SECONDS = 3600;

const digest = (value: string) => createHash('sha256').update(value).digest('hex');
/** Codes are read from an email and typed: letters and digits, no case, spaces and dashes ignored. */
export const normaliseUnlockCode = (code: string) => code.replace(/[\s-]+/g, '').toUpperCase();

export const accountLocked = () =>
  new DomainError(
    'AUTH.ACCOUNT_LOCKED',
    HttpStatus.TOO_MANY_REQUESTS,
    'Too many failed sign-ins to this account: sign-ins are paused for a few minutes. The account holder has been emailed a code that lets them sign in now.',
  );

/**
 * Failed sign-ins counted per account, wherever they come from: past LOGIN_ACCOUNT_LIMIT in the window,
 * sign-ins to that account pause for LOGIN_ACCOUNT_LOCK_SECONDS and its owner is emailed once, with a
 * code. The lock can never shut the owner out for good: it is short; with it on, the right password
 * still gets through with a second factor (one-time codes, which the sign-in asks for next) or with the
 * emailed code; and an NPA admin can lift it. Counted by the address typed, known or not, so a lock says
 * nothing about whether an account exists. Kept in Redis, shared by every API process.
 */
@Injectable()
export class SignInLocks {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async locked(email: string): Promise<boolean> {
    return (await this.redis.exists(this.key('lock', email))) === 1;
  }

  /** One more failure for the address; the one that locks it emails the account's owner, if there is one. */
  async failed(email: string, user: Pick<User, 'id'> | null): Promise<void> {
    const fails = this.key('fails', email);
    const count = await this.redis.incr(fails);
    if (count === 1) await this.redis.expire(fails, this.config.LOGIN_ACCOUNT_WINDOW_SECONDS);
    if (count < this.config.LOGIN_ACCOUNT_LIMIT) return;
    const lockedNow = await this.redis.set(this.key('lock', email), String(Date.now()), 'EX', this.config.LOGIN_ACCOUNT_LOCK_SECONDS, 'NX');
    await this.redis.del(fails);
    if (lockedNow && user) await this.jobs.enqueue('auth.lock-notice', { userId: user.id }, { jobId: jobId('sign-in-lock', user.id, Date.now()) });
  }

  /** Signed in, or lifted by an admin: the count starts again. */
  async clear(email: string): Promise<boolean> {
    return (await this.redis.del(this.key('lock', email), this.key('fails', email))) > 0;
  }

  /** An NPA admin lifts a user's lock (they rang the office); audited, whether or not one was on. */
  async lift(userId: string, actor: Actor): Promise<{ id: string; wasLocked: boolean }> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw notFound('The user');
    const wasLocked = await this.locked(user.email);
    await this.clear(user.email);
    await this.redis.del(this.unlockKey(user.id));
    await this.audit.record({ actor, action: 'user.sign_in_lock_lifted', entity: 'user', entityId: user.id, after: { wasLocked } });
    return { id: user.id, wasLocked };
  }

  /** True, once, for the code last emailed to this account. */
  async useUnlockCode(userId: string, code: string): Promise<boolean> {
    const key = this.unlockKey(userId);
    const stored = await this.redis.get(key);
    const given = digest(normaliseUnlockCode(code));
    if (!stored || stored.length !== given.length || !timingSafeEqual(Buffer.from(stored), Buffer.from(given))) return false;
    return (await this.redis.del(key)) === 1;
  }

  /** Emails the owner that sign-ins are paused, with a fresh code; only its digest is kept, and never in the job. */
  @OnJob('auth.lock-notice')
  async notify({ userId }: { userId: string }): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId, disabledAt: IsNull() });
    if (!user) return;
    const code = base32Encode(randomBytes(7)).slice(0, 10);
    await this.redis.set(this.unlockKey(userId), digest(code), 'EX', UNLOCK_CODE_SECONDS);
    const minutes = Math.ceil(this.config.LOGIN_ACCOUNT_LOCK_SECONDS / 60);
    await this.mailer.send({
      to: [user.email],
      subject: 'Sign-ins to your NPA back-office account are paused',
      text: [
        `Dear ${user.name},`,
        '',
        `Someone has given the wrong password for your account ${this.config.LOGIN_ACCOUNT_LIMIT} times, so sign-ins to it are paused for ${minutes} minutes.`,
        '',
        `If it was you, you can sign in now at ${this.config.PUBLIC_URL}/sign-in with your password and this unlock code: ${code.slice(0, 5)}-${code.slice(5)}`,
        'The code works once, for the next hour.',
        '',
        'If it was not you, your password has not been given away: nobody got in. Nothing else needs doing, though you may choose a new password from your account page.',
        '',
        'The NPA office',
      ].join('\n'),
    });
  }

  private key(kind: 'lock' | 'fails', email: string): string {
    return `${this.config.REDIS_PREFIX}:sign-in:${kind}:${digest(email.trim().toLowerCase())}`;
  }

  private unlockKey(userId: string): string {
    return `${this.config.REDIS_PREFIX}:sign-in:unlock:${userId}`;
  }
}
