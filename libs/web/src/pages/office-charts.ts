import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@npa/platform';
import { barChart } from './bar-chart';

const day = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** Counts over time for the office to look at rather than read: one query per chart, days in the NPA's time zone. */
@Injectable()
export class OfficeCharts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Reminder emails sent in each of the last 12 weeks (weeks start on Monday). */
  async remindersSentPerWeek() {
    const rows = await this.dataSource.query<{ start: string; n: number }[]>(
      `SELECT w.start::date::text AS start, count(d.id)::int AS n
         FROM generate_series(date_trunc('week', $1::timestamp) - interval '11 weeks', date_trunc('week', $1::timestamp), interval '1 week') AS w(start)
         LEFT JOIN (reminders r JOIN mail_deliveries d ON d.letter_id = r.letter_id AND d.state = 'sent')
           ON (d.sent_at AT TIME ZONE $2) >= w.start AND (d.sent_at AT TIME ZONE $2) < w.start + interval '1 week'
        GROUP BY w.start ORDER BY w.start`,
      [this.clock.today(), this.config.TIME_ZONE],
    );
    const bars = rows.map((r) => ({
      short: day(r.start, { day: 'numeric', month: 'short' }),
      longLabel: `Week of ${day(r.start, { day: 'numeric', month: 'long', year: 'numeric' })}`,
      value: r.n,
    }));
    return barChart('reminders-per-week', 'Reminders sent each week, last 12 weeks', bars);
  }

  /** Applications submitted in each of the last 12 months. */
  async applicationsPerMonth() {
    const rows = await this.dataSource.query<{ start: string; n: number }[]>(
      `SELECT m.start::date::text AS start, count(a.id)::int AS n
         FROM generate_series(date_trunc('month', $1::timestamp) - interval '11 months', date_trunc('month', $1::timestamp), interval '1 month') AS m(start)
         LEFT JOIN applications a ON (a.submitted_at AT TIME ZONE $2) >= m.start AND (a.submitted_at AT TIME ZONE $2) < m.start + interval '1 month'
        GROUP BY m.start ORDER BY m.start`,
      [this.clock.today(), this.config.TIME_ZONE],
    );
    const bars = rows.map((r) => ({ short: day(r.start, { month: 'short' }), longLabel: day(r.start, { month: 'long', year: 'numeric' }), value: r.n }));
    return barChart('applications-per-month', 'Applications submitted each month, last 12 months', bars);
  }
}
