import { Injectable } from '@nestjs/common';
import { AppConfig, Clock } from '@npa/platform';
import { ReviewQueueService } from '@npa/approval';
import { RemindersService } from '@npa/reminders';
import { barChart } from './bar-chart';

const day = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** Counts over time for the office to look at rather than read: one query per chart (asked of the slice that owns it), days in the NPA's time zone. */
@Injectable()
export class OfficeCharts {
  constructor(
    private readonly reminders: RemindersService,
    private readonly applications: ReviewQueueService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Reminder emails sent in each of the last 12 weeks (weeks start on Monday). */
  async remindersSentPerWeek() {
    const rows = await this.reminders.sentPerWeek(this.clock.today(), this.config.TIME_ZONE);
    const bars = rows.map((r) => ({
      short: day(r.start, { day: 'numeric', month: 'short' }),
      longLabel: `Week of ${day(r.start, { day: 'numeric', month: 'long', year: 'numeric' })}`,
      value: r.count,
    }));
    return barChart('reminders-per-week', 'Reminders sent each week, last 12 weeks', bars);
  }

  /** Applications submitted in each of the last 12 months. */
  async applicationsPerMonth() {
    const rows = await this.applications.submittedPerMonth(this.clock.today(), this.config.TIME_ZONE);
    const bars = rows.map((r) => ({ short: day(r.start, { month: 'short' }), longLabel: day(r.start, { month: 'long', year: 'numeric' }), value: r.count }));
    return barChart('applications-per-month', 'Applications submitted each month, last 12 months', bars);
  }
}
