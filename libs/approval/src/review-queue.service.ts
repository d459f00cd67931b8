import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { deepFreeze, keepJson, KeptUnderVersion, keptRead, keptVersion, prepared, userNames, type IsoDate } from '@npa/platform';
import { settingNames } from '@npa/registry';
import { AppConfig, Clock } from '@npa/platform';
import { QueueQuery } from './approval.dto';
import type { ReviewQueueResponse } from './approval.responses';

interface QueueRow {
  id: string;
  setting_id: string;
  kind: string;
  state: string;
  submitted_at: Date;
  reviewer_id: string | null;
  days_waiting: number;
}

/** The condition for an application waiting for a reviewer, on a table alias. */
const WAITING = (alias: string) => `${alias}.state IN ('submitted', 'under_review')`;

/** Pages of the queue kept at once: every reviewer reads the same few first pages, for today. */
const KEPT_PAGES = 200;

/** What waits for NPA reviewers: submitted and under review, oldest submission first, with days waiting. */
@Injectable()
export class ReviewQueueService {
  /**
   * Every reviewer sees the same queue, read far more often than it changes: a page is kept (frozen, its
   * JSON made once) until an application, a setting's name or a user's name changes, which moves
   * `kept_versions` 'review_queue' in the same commit (migration AddKeptVersions; the queue's SQL below
   * must read nothing else). The version is read before the page, so a page is never kept under a
   * version newer than its rows. Today is in the key: days waiting grow at midnight with no change.
   */
  private readonly pages = new KeptUnderVersion<Promise<ReviewQueueResponse>>(KEPT_PAGES);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async list(query: QueueQuery): Promise<ReviewQueueResponse> {
    const version = await keptVersion(this.dataSource, 'review_queue');
    const today = this.clock.today();
    return keptRead(this.pages, `${today} ${query.page} ${query.pageSize}`, version, async () => keepJson(deepFreeze(await this.read(query, today))));
  }

  private async read(query: QueueQuery, today: IsoDate): Promise<ReviewQueueResponse> {
    // Prepared, as every reviewer's first page reads them: parsing and planning cost more than running.
    // The page first, then its names (from the register and the accounts, by id): joining every
    // setting and user before sorting cost several times the page alone (README, Benchmarks).
    // Days waiting counted by PostgreSQL from the submission's date in the NPA's zone: working that date
    // out in JavaScript (Intl, per row) was a tenth of the page's CPU (README, Benchmarks).
    // The total rides on each row of the page (counted once: it depends on no row), a round trip fewer;
    // only a page past the end, which has no rows to carry it, asks for it on its own.
    const rows = await prepared<QueueRow & { total: number }>(
      this.dataSource,
      'review.queue.page',
      `SELECT a.id, a.setting_id, a.kind, a.state, a.submitted_at, a.reviewer_id,
              $4::date - (a.submitted_at AT TIME ZONE $3)::date AS days_waiting,
              (SELECT count(*)::int FROM applications t WHERE ${WAITING('t')}) AS total
         FROM applications a
        WHERE ${WAITING('a')} ORDER BY a.submitted_at, a.id LIMIT $1 OFFSET $2`,
      [query.pageSize, query.offset, this.config.TIME_ZONE, today],
    );
    const total = rows.length > 0 ? rows[0].total : query.offset === 0 ? 0 : await this.waiting();
    const reviewerIds = [...new Set(rows.flatMap((r) => (r.reviewer_id ? [r.reviewer_id] : [])))];
    const [settings, reviewers] = await Promise.all([
      settingNames(this.dataSource.manager, [...new Set(rows.map((r) => r.setting_id))]),
      userNames(this.dataSource.manager, reviewerIds),
    ]);
    const items = rows.map((r) => ({
      id: r.id,
      settingId: r.setting_id,
      settingName: settings.get(r.setting_id),
      kind: r.kind,
      state: r.state,
      submittedAt: r.submitted_at.toISOString(),
      daysWaiting: r.days_waiting,
      reviewer: r.reviewer_id ? { id: r.reviewer_id, name: reviewers.get(r.reviewer_id) ?? null } : null,
    }));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  private async waiting(): Promise<number> {
    const [{ total }] = await prepared<{ total: number }>(
      this.dataSource,
      'review.queue.total',
      `SELECT count(*)::int AS total FROM applications a WHERE ${WAITING('a')}`,
      [],
    );
    return total;
  }

  /** Applications submitted in each of the 12 months up to `today`'s, months in `timeZone`. */
  async submittedPerMonth(today: IsoDate, timeZone: string): Promise<{ start: IsoDate; count: number }[]> {
    return this.dataSource.query(
      `SELECT m.start::date::text AS start, count(a.id)::int AS count
         FROM generate_series(date_trunc('month', $1::timestamp) - interval '11 months', date_trunc('month', $1::timestamp), interval '1 month') AS m(start)
         LEFT JOIN applications a ON (a.submitted_at AT TIME ZONE $2) >= m.start AND (a.submitted_at AT TIME ZONE $2) < m.start + interval '1 month'
        GROUP BY m.start ORDER BY m.start`,
      [today, timeZone],
    );
  }
}
