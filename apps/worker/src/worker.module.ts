import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DatabaseModule } from '@npa/database';
import { LettersWorkerModule } from '@npa/letters';
import { PrivacyWorkerModule } from '@npa/privacy';
import { RemindersWorkerModule } from '@npa/reminders';
import { PlatformModule, OutboxRelay, JobWorkerHost, RedisPolicyCheck } from '@npa/platform';
import { WorkerLiveness } from './liveness';

/** The same domain modules as the API, with no HTTP: job handlers and the outbox relay run here. */
@Module({
  imports: [PlatformModule, DatabaseModule, DiscoveryModule, LettersWorkerModule, RemindersWorkerModule, PrivacyWorkerModule],
  providers: [RedisPolicyCheck, JobWorkerHost, OutboxRelay, WorkerLiveness],
})
export class WorkerModule {}
