import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { throttlerOptions } from './auth/rate-limit';
import { AuditService } from './audit/audit.service';
import { ScopeRegistry } from './auth/scope.registry';
import { SignInLocks } from './auth/sign-in-locks';
import { AccountLinks } from './users/account-links';
import { Organisations } from './users/organisations';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { LoggingModule } from './logging/logging.module';
import { Mailer } from './mail/mailer';
import { Outbox } from './outbox/outbox';
import { JobQueue } from './queue/job-queue';
import { RedisModule } from './redis/redis.module';
import { RedisResets } from './redis/redis-resets';
import { HeartbeatService } from './system/heartbeat.service';
import { LocalStorage, Storage } from './storage/storage';
import { Clock } from './time/clock';

/** What platform makes once and every module may inject. */
const SHARED = [AuditService, ScopeRegistry, AccountLinks, Organisations, JobQueue, HeartbeatService, Clock, Mailer, Outbox, RedisResets, SignInLocks];

/**
 * What both processes need: configuration, logging, Redis, the audit trail, queues and the job outbox,
 * mail, file storage, the clock, and the per-account sign-in locks (the worker sends their emails). The rate limits are here because domain modules the worker also loads
 * declare limited routes; the worker never counts anything, so its Redis client never connects.
 */
@Global()
@Module({
  imports: [ConfigModule, LoggingModule, RedisModule, DiscoveryModule, ThrottlerModule.forRootAsync({ inject: [AppConfig], useFactory: throttlerOptions })],
  providers: [...SHARED, { provide: Storage, useClass: LocalStorage }],
  exports: [ConfigModule, RedisModule, ...SHARED, Storage],
})
export class PlatformModule {}
