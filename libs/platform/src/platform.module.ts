import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditService } from './audit/audit.service';
import { ScopeRegistry } from './auth/scope.registry';
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

/** What both processes need: configuration, logging, Redis, the audit trail, queues and the job outbox, mail, file storage, the clock. */
@Global()
@Module({
  imports: [ConfigModule, LoggingModule, RedisModule, DiscoveryModule],
  providers: [AuditService, ScopeRegistry, JobQueue, HeartbeatService, Clock, Mailer, Outbox, { provide: Storage, useClass: LocalStorage }, RedisResets],
  exports: [ConfigModule, RedisModule, AuditService, ScopeRegistry, JobQueue, HeartbeatService, Clock, Mailer, Outbox, Storage, RedisResets],
})
export class PlatformModule {}
