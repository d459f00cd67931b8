import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IsoDate } from '@npa/platform';
import { RemindersQuery } from './reminders.dto';

interface ReminderRow {
  id: string;
  kind: string;
  subject_kind: string;
  subject_id: string;
  due_on: string;
  organisation_kind: string | null;
  organisation_id: string | null;
  recipients: { email: string; name: string }[];
  state: string;
  reason: string | null;
  sent_at: Date | null;
  letter_id: string | null;
  parameter_version: number | null;
  created_at: Date;
}

// A reminder's state as people see it: its own until it has a letter, then its email's.
const STATE = `CASE WHEN r.state <> 'pending' THEN r.state WHEN d.state IN ('sent', 'failed', 'unknown', 'suppressed') THEN d.state ELSE 'pending' END`;

const SELECT = `SELECT r.id, r.kind, r.subject_kind, r.subject_id, r.due_on::text, r.organisation_kind, r.organisation_id, r.recipients, r.letter_id, r.parameter_version, r.created_at,
                       ${STATE} AS state, COALESCE(r.reason, d.reason) AS reason, d.sent_at
                  FROM reminders r LEFT JOIN mail_deliveries d ON d.letter_id = r.letter_id`;

const toView = (r: ReminderRow) => ({
  id: r.id,
  kind: r.kind,
  dueOn: r.due_on,
  sentAt: r.sent_at?.toISOString() ?? null,
  recipients: r.recipients.map((x) => x.email),
  state: r.state,
  reason: r.reason,
  subject: { kind: r.subject_kind, id: r.subject_id },
  organisation: r.organisation_kind ? { kind: r.organisation_kind, id: r.organisation_id } : null,
  letterId: r.letter_id,
  parameterVersion: r.parameter_version,
  recordedAt: r.created_at.toISOString(),
});

/** Every reminder's state, for its service or setting and, for NPA staff, across the register. */
@Injectable()
export class RemindersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forOrganisation(kind: 'service' | 'setting', id: string) {
    const rows = await this.dataSource.query<ReminderRow[]>(
      `${SELECT} WHERE r.organisation_kind = $1 AND r.organisation_id = $2 ORDER BY r.due_on DESC, r.kind`,
      [kind, id],
    );
    return rows.map(toView);
  }

  async list(query: RemindersQuery) {
    const where = [`($1::text IS NULL OR ${STATE} = $1)`, '($2::text IS NULL OR r.kind = $2)'].join(' AND ');
    const args = [query.state ?? null, query.kind ?? null];
    const [rows, [{ total }], counts] = await Promise.all([
      this.dataSource.query<ReminderRow[]>(`${SELECT} WHERE ${where} ORDER BY r.due_on DESC, r.created_at DESC LIMIT $3 OFFSET $4`, [
        ...args,
        query.pageSize,
        query.offset,
      ]),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM reminders r LEFT JOIN mail_deliveries d ON d.letter_id = r.letter_id WHERE ${where}`,
        args,
      ),
      this.dataSource.query<{ state: string; n: number }[]>(
        `SELECT ${STATE} AS state, count(*)::int AS n FROM reminders r LEFT JOIN mail_deliveries d ON d.letter_id = r.letter_id GROUP BY 1`,
      ),
    ]);
    return { items: rows.map(toView), page: query.page, pageSize: query.pageSize, total, counts: Object.fromEntries(counts.map((c) => [c.state, c.n])) };
  }

  /** Reminder emails sent in each of the 12 weeks up to `today`'s (weeks start on Monday), days in `timeZone`. */
  async sentPerWeek(today: IsoDate, timeZone: string): Promise<{ start: IsoDate; count: number }[]> {
    return this.dataSource.query(
      `SELECT w.start::date::text AS start, count(d.id)::int AS count
         FROM generate_series(date_trunc('week', $1::timestamp) - interval '11 weeks', date_trunc('week', $1::timestamp), interval '1 week') AS w(start)
         LEFT JOIN (reminders r JOIN mail_deliveries d ON d.letter_id = r.letter_id AND d.state = 'sent')
           ON (d.sent_at AT TIME ZONE $2) >= w.start AND (d.sent_at AT TIME ZONE $2) < w.start + interval '1 week'
        GROUP BY w.start ORDER BY w.start`,
      [today, timeZone],
    );
  }
}
