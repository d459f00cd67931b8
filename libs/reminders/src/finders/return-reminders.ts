// Chasing annual returns: a reminder to the service's managers when the year's return opens, 30 days
// before it is due, and the day after it is due, each once, for every registered service that has not
// filed and while the NPA has not closed the year.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, type IsoDate } from '@npa/platform';
import { formatDate } from '@npa/letters';
import { defaultDueOn, latestFilingYear, type ReportingYear } from '@npa/returns';
import { dueWithCatchUp, dueWithin } from './due-dates';
import type { ReminderIdentity, StillDue } from './due-reminder';
import type { FoundReminder } from './recipients';
import { DEFAULT_REMINDER_OFFSETS, type ReminderOffsets } from './reminder-kinds';

export type ReturnReminderKind = 'return-window-open' | 'return-due-soon' | 'return-overdue';

/**
 * The return reminder due on asOf for a year, if any. Opening catches up until "due soon" falls due and
 * "due soon" until the due date, so a sweep that missed days sends the nearest one only; "overdue"
 * catches up for the usual 14 days.
 */
export function returnReminderDue(
  year: Pick<ReportingYear, 'opensOn'> & { dueOn: IsoDate },
  asOf: IsoDate,
  offsets: Pick<ReminderOffsets, 'returnDueSoonDaysBefore' | 'catchUpDays'> = DEFAULT_REMINDER_OFFSETS,
): { kind: ReturnReminderKind; dueOn: IsoDate } | null {
  const soon = addDays(year.dueOn, -offsets.returnDueSoonDaysBefore);
  const hasSoon = soon > year.opensOn;
  const overdue = addDays(year.dueOn, 1);
  const open = dueWithin(year.opensOn, asOf, hasSoon ? addDays(soon, -1) : year.dueOn);
  if (open) return { kind: 'return-window-open', dueOn: open };
  const dueSoon = hasSoon ? dueWithin(soon, asOf, year.dueOn) : null;
  if (dueSoon) return { kind: 'return-due-soon', dueOn: dueSoon };
  const late = dueWithCatchUp(overdue, asOf, offsets);
  return late ? { kind: 'return-overdue', dueOn: late } : null;
}

interface YearRow {
  due_on: string | null;
  closed: boolean;
}

@Injectable()
export class ReturnReminderFinder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async due(asOf: IsoDate, offsets: ReminderOffsets): Promise<FoundReminder[]> {
    const year = latestFilingYear(asOf);
    const settings = await this.year(year);
    if (settings.closed) return [];
    const due = returnReminderDue({ opensOn: year.opensOn, dueOn: settings.dueOn }, asOf, offsets);
    if (!due) return [];
    const services = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT s.id, s.name FROM services s
        WHERE s.registered_on <= $2
          AND NOT EXISTS (SELECT 1 FROM annual_returns r WHERE r.service_id = s.id AND r.start_year = $1)
        ORDER BY s.id`,
      [year.startYear, year.endsOn],
    );
    return services.map((s) => ({
      kind: due.kind,
      subjectKind: 'service' as const,
      subjectId: s.id,
      dueOn: due.dueOn,
      organisation: { kind: 'service' as const, id: s.id },
      serviceIds: [s.id],
      facts: {
        serviceName: s.name,
        year: year.label,
        returnDueOn: settings.dueOn,
        whatToDo:
          due.kind === 'return-overdue'
            ? `The ${year.label} annual return of ${s.name} was due on ${formatDate(settings.dueOn)} and has not been filed. Please file it on the NPA back-office as soon as you can: without it the service is missing from the national snapshot.`
            : `Please file the ${year.label} annual return of ${s.name} on the NPA back-office by ${formatDate(settings.dueOn)}: referrals accepted, children supported, the waiting list, age range, funding, team size and annual cost for April to March.`,
      },
    }));
  }

  /** Still due while the service has not filed and the NPA has not closed the year. */
  async stillDue(r: ReminderIdentity): Promise<StillDue> {
    const year = latestFilingYear(r.dueOn);
    const settings = await this.year(year);
    if (settings.closed) return { due: false, reason: `The NPA has closed ${year.label}.` };
    const [filed] = await this.dataSource.query<{ filed_at: Date }[]>('SELECT filed_at FROM annual_returns WHERE service_id = $1 AND start_year = $2', [
      r.subjectId,
      year.startYear,
    ]);
    return filed ? { due: false, reason: `The ${year.label} return was filed on ${new Date(filed.filed_at).toISOString().slice(0, 10)}.` } : { due: true };
  }

  private async year(year: ReportingYear): Promise<{ dueOn: IsoDate; closed: boolean }> {
    const [row] = await this.dataSource.query<YearRow[]>('SELECT due_on::text, closed_at IS NOT NULL AS closed FROM return_years WHERE start_year = $1', [
      year.startYear,
    ]);
    return { dueOn: row?.due_on ?? defaultDueOn(year), closed: row?.closed ?? false };
  }
}
