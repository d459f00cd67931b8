import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DatabaseModule } from '@npa/database';
import { LetterKindsModule, LettersWorkerModule } from '@npa/letters';
import { PrivacyWorkerModule } from '@npa/privacy';
import { RemindersWorkerModule } from '@npa/reminders';
import { PlatformModule, OutboxRelay, JobWorkerHost, RedisPolicyCheck } from '@npa/platform';
import { LETTER_KIND_DECLARATIONS } from '../../letter-kinds';
import { WorkerLiveness } from './liveness';

/** The same domain modules as the API, with no HTTP: job handlers and the outbox relay run here. */
@Module({
  imports: [
    PlatformModule,
    DatabaseModule,
    DiscoveryModule,
    LetterKindsModule.register(LETTER_KIND_DECLARATIONS),
    LettersWorkerModule,
    RemindersWorkerModule,
    PrivacyWorkerModule,
  ],
  providers: [RedisPolicyCheck, JobWorkerHost, OutboxRelay, WorkerLiveness],
})
export class WorkerModule {}
