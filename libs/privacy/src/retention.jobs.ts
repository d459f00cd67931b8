import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, JobQueue, jobOptions, OnJob, Clock } from '@npa/platform';
import { RetentionService, RetentionSummary } from './retention.service';

/** Upserted under one id at every worker start, beside the daily sweep: a restart never makes two. */
export const RETENTION_SCHEDULER_ID = 'daily-retention';

/**
 * Retention runs as a job of its own, at the sweep's hour, not inside the sweep: it changes records for
 * good, so it retries, fails and is watched on its own, and the sweep's figures stay the sweep's.
 */
@Injectable()
export class RetentionJobs implements OnApplicationBootstrap {
  constructor(
    private readonly retention: RetentionService,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue
      .queue('sweep')
      .upsertJobScheduler(
        RETENTION_SCHEDULER_ID,
        { pattern: this.config.SWEEP_CRON, tz: this.config.TIME_ZONE },
        { name: 'retention.daily', data: {}, opts: jobOptions('retention.daily') },
      );
  }

  @OnJob('retention.daily')
  async daily({ asOf }: { asOf?: string }): Promise<Omit<RetentionSummary, 'due'> & { due: number }> {
    const summary = await this.retention.run(asOf ?? this.clock.today());
    // The job's return value is kept in Redis: counts only, no names.
    return { ...summary, due: summary.due.length };
  }
}
