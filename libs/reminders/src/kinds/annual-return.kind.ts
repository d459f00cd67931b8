// Chasing annual returns: a reminder to the service's managers when the year's return opens, 30 days
// before it is due, and the day after it is due, each once, for every registered service that has not
// filed and while the NPA has not closed the year.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IsoDate } from '@npa/platform';
import { formatDate } from '@npa/letters';
import { defaultDueOn, latestFilingYear, type ReportingYear } from '@npa/returns';
import type { ReminderIdentity } from '../finders/due-reminder';
import { returnReminderDue } from '../finders/return-reminders';
import { ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { RETURN_FILED, RETURN_YEAR, SERVICES_WITHOUT_RETURN } from '../read-model/finders.read-model';

export interface AnnualReturnFacts {
  serviceName: string;
  year: string;
  returnDueOn: IsoDate;
  whatToDo: string;
}

interface YearRow {
  due_on: string | null;
  closed: boolean;
}

@Injectable()
@ReminderKinds()
export class AnnualReturnKinds implements ReminderKindSource<AnnualReturnFacts> {
  readonly kinds = [
    { kind: 'return-window-open', to: ['service_managers'], title: 'Your annual return is open for filing' },
    { kind: 'return-due-soon', to: ['service_managers'], title: 'Your annual return is due in 30 days' },
    { kind: 'return-overdue', to: ['service_managers'], title: 'Your annual return is overdue' },
  ] as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find({ asOf, offsets }: FinderContext): Promise<FoundReminder<AnnualReturnFacts>[]> {
    const year = latestFilingYear(asOf);
    const settings = await this.year(year);
    if (settings.closed) return [];
    const due = returnReminderDue({ opensOn: year.opensOn, dueOn: settings.dueOn }, asOf, offsets);
    if (!due) return [];
    const services = await this.dataSource.query<{ id: string; name: string }[]>(SERVICES_WITHOUT_RETURN, [year.startYear, year.endsOn]);
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
  async stillDue(r: ReminderIdentity) {
    const year = latestFilingYear(r.dueOn);
    const settings = await this.year(year);
    if (settings.closed) return { due: false as const, reason: `The NPA has closed ${year.label}.` };
    const [filed] = await this.dataSource.query<{ filed_at: Date }[]>(RETURN_FILED, [r.subjectId, year.startYear]);
    return filed
      ? { due: false as const, reason: `The ${year.label} return was filed on ${new Date(filed.filed_at).toISOString().slice(0, 10)}.` }
      : { due: true as const };
  }

  /** Overdue has no date to act by: the due date has passed. */
  letter(facts: AnnualReturnFacts, kind: string) {
    return { about: facts.serviceName, actBy: kind === 'return-overdue' ? undefined : facts.returnDueOn, whatToDo: facts.whatToDo };
  }

  private async year(year: ReportingYear): Promise<{ dueOn: IsoDate; closed: boolean }> {
    const [row] = await this.dataSource.query<YearRow[]>(RETURN_YEAR, [year.startYear]);
    return { dueOn: row?.due_on ?? defaultDueOn(year), closed: row?.closed ?? false };
  }
}
