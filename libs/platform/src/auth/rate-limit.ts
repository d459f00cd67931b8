import { applyDecorators, HttpStatus, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { InjectThrottlerStorage, seconds, SkipThrottle, ThrottlerGuard, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../http/domain-error';
import { redisOptions } from '../redis/redis';

/**
 * The limits, each counted per client address across every route that names it: `login` (sign-in and
 * password changes), `totp` (one-time code set-up and entry), `public` (what anyone may look up).
 */
export const RATE_LIMITS = ['login', 'totp', 'public'] as const;
export type RateLimitName = (typeof RATE_LIMITS)[number];

/**
 * Kept in Redis so a limit holds across API processes. The client is `request.ip`: the connection's
 * address, or X-Forwarded-For's only when TRUST_PROXY names the proxy (create-app.ts), so a header a
 * client makes up changes nothing. The key is the limit and the address, not the route, so trying
 * the API's sign-in and the page's in turn gains nothing.
 */
export function throttlerOptions(config: AppConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'login', ttl: seconds(config.LOGIN_RATE_WINDOW_SECONDS), limit: config.LOGIN_RATE_LIMIT },
      { name: 'totp', ttl: seconds(config.TOTP_RATE_WINDOW_SECONDS), limit: config.TOTP_RATE_LIMIT },
      { name: 'public', ttl: seconds(config.PUBLIC_RATE_WINDOW_SECONDS), limit: config.PUBLIC_RATE_LIMIT },
    ],
    generateKey: (_context, tracker) => tracker,
    storage: new ThrottlerStorageRedisService({
      ...redisOptions(config.REDIS_URL),
      keyPrefix: `${config.REDIS_PREFIX}:throttle:`,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    }),
  };
}

/** The limit a route counts against, read by the OpenAPI document to list its 429. */
export const RATE_LIMIT_KEY = 'npa:rate-limit';

/** This route counts against one named limit (and no other): 429 past it, until its window ends. */
export const RateLimit = (name: RateLimitName) =>
  applyDecorators(
    UseGuards(ThrottlerGuard),
    SkipThrottle(Object.fromEntries(RATE_LIMITS.filter((other) => other !== name).map((other) => [other, true]))),
    SetMetadata(RATE_LIMIT_KEY, name),
  );

/**
 * Codes tried for one account, wherever they come from: a six-digit code falls to enough guesses, so
 * past TOTP_ACCOUNT_LIMIT in the window every code is refused for that account, even the right one.
 */
@Injectable()
export class CodeAttempts {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async count(userId: string): Promise<void> {
    const window = seconds(this.config.TOTP_RATE_WINDOW_SECONDS);
    const { isBlocked } = await this.storage.increment(`account:${userId}`, window, this.config.TOTP_ACCOUNT_LIMIT, window, 'totp');
    if (isBlocked)
      throw new DomainError('AUTH.TOO_MANY_CODES', HttpStatus.TOO_MANY_REQUESTS, 'Too many codes tried for this account; wait a few minutes and try again.');
  }
}
