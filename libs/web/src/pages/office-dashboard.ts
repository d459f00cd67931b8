import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, daysBetween, JobQueue, QUEUES, Clock } from '@npa/platform';
import { ComplianceService, OverviewQuery, SERVICE_RULES, RuleParametersService } from '@npa/compliance';
import { ReviewQueueService, QueueQuery } from '@npa/approval';
import { FilingStatusService, latestFilingYear } from '@npa/returns';
import { WorkshopsService } from '@npa/training';

/** What the NPA office looks at first thing: what waits for it, what is failing, what is about to lapse. */
@Injectable()
export class OfficeDashboard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    private readonly queue: ReviewQueueService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly filing: FilingStatusService,
    private readonly workshops: WorkshopsService,
    private readonly parameters: RuleParametersService,
  ) {}

  async figures() {
    const today = this.clock.today();
    const [waiting, overview, expiring, undelivered, queues, returns, awaitingConfirmation, parameters] = await Promise.all([
      this.queue.list(Object.assign(new QueueQuery(), { pageSize: 5 })),
      this.compliance.overview(Object.assign(new OverviewQuery(), { pageSize: 1 })),
      this.dataSource.query<{ setting_id: string; name: string; expires_on: string }[]>(
        `SELECT a.setting_id, s.name, a.expires_on::text FROM awards a JOIN settings s ON s.id = a.setting_id
          WHERE a.expires_on BETWEEN $1 AND $2 AND a.starts_on <= $1
            AND NOT EXISTS (SELECT 1 FROM awards r WHERE r.setting_id = a.setting_id AND r.starts_on > a.expires_on)
          ORDER BY a.expires_on, s.name LIMIT 50`,
        [today, addDays(today, 90)],
      ),
      this.dataSource.query<{ state: string; n: number }[]>(
        `SELECT state, count(*)::int AS n FROM mail_deliveries WHERE state IN ('failed', 'unknown') GROUP BY state`,
      ),
      Promise.all(QUEUES.map(async (name) => ({ name, ...(await this.jobs.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed')) }))).catch(
        () => null,
      ),
      this.filing.status(latestFilingYear(today).startYear, { notFiled: 'true' }),
      this.workshops.awaitingConfirmation(),
      this.parameters.current(),
    ]);
    const failingByRule = SERVICE_RULES.map((r) => ({ id: r.id, title: r.title, failing: overview.counts.failingByRule[r.id] ?? 0 })).filter(
      (r) => r.failing > 0,
    );
    return {
      today,
      waiting: { total: waiting.total, oldest: waiting.items[0] ?? null, items: waiting.items },
      compliance: { ...overview.counts, failingByRule },
      expiring: expiring.map((e) => ({ ...e, daysLeft: daysBetween(today, e.expires_on) })),
      undelivered: { failed: undelivered.find((u) => u.state === 'failed')?.n ?? 0, unknown: undelivered.find((u) => u.state === 'unknown')?.n ?? 0 },
      queues,
      returns: { year: returns.year, counts: returns.counts },
      awaitingConfirmation,
      backdateDays: parameters.params.workshopBackdateDays,
    };
  }
}
