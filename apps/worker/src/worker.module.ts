import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DatabaseModule } from '@npa/database';
import { LettersWorkerModule } from '@npa/letters/letters-worker.module';
import { PrivacyWorkerModule } from '@npa/privacy/privacy-worker.module';
import { RemindersWorkerModule } from '@npa/reminders/reminders-worker.module';
import { PlatformModule } from '@npa/platform';
import { OutboxRelay } from '@npa/platform/outbox/outbox-relay';
import { JobWorkerHost } from '@npa/platform/queue/job-worker.host';
import { RedisPolicyCheck } from '@npa/platform/redis/redis-policy.check';
import { WorkerLiveness } from './liveness';

/** The same domain modules as the API, with no HTTP: job handlers and the outbox relay run here. */
@Module({
  imports: [PlatformModule, DatabaseModule, DiscoveryModule, LettersWorkerModule, RemindersWorkerModule, PrivacyWorkerModule],
  providers: [RedisPolicyCheck, JobWorkerHost, OutboxRelay, WorkerLiveness],
})
export class WorkerModule {}
