import { Injectable } from '@nestjs/common';
import { daysBetween, JobQueue, QUEUES, Clock } from '@npa/platform';
import { ComplianceService, OverviewQuery, SERVICE_RULES, RuleParametersService } from '@npa/compliance';
import { AwardsService, ReviewQueueService, QueueQuery } from '@npa/approval';
import { LetterDetails } from '@npa/letters';
import { FilingStatusService, latestFilingYear } from '@npa/returns';
import { WorkshopsService } from '@npa/training';

/** What the NPA office looks at first thing: what waits for it, what is failing, what is about to lapse. */
@Injectable()
export class OfficeDashboard {
  constructor(
    private readonly awards: AwardsService,
    private readonly letters: LetterDetails,
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
      this.awards.expiringUnrenewed(today, 90, 50),
      this.letters.undelivered(),
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
      expiring: expiring.map((e) => ({ ...e, daysLeft: daysBetween(today, e.expiresOn) })),
      undelivered,
      queues,
      returns: { year: returns.year, counts: returns.counts },
      awaitingConfirmation,
      backdateDays: parameters.params.workshopBackdateDays,
    };
  }
}
