import { Module } from '@nestjs/common';
import { PrivacyModule } from './privacy.module';
import { RetentionJobs } from './retention.jobs';

/** The worker's half: the scheduled daily retention run. */
@Module({
  imports: [PrivacyModule],
  providers: [RetentionJobs],
})
export class PrivacyWorkerModule {}
