import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DatabaseModule } from '@npa/database';
import { PlatformModule } from '@npa/platform';
import { JobWorkerHost } from '@npa/platform/queue/job-worker.host';
import { RedisPolicyCheck } from '@npa/platform/redis/redis-policy.check';

/** The same domain modules as the API, with no HTTP: only job handlers run here. */
@Module({
  imports: [PlatformModule, DatabaseModule, DiscoveryModule],
  providers: [RedisPolicyCheck, JobWorkerHost],
})
export class WorkerModule {}
