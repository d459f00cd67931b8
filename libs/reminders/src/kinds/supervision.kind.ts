// Supervision due (10 days) and overdue (15 days) for every active practitioner, counted from their
// latest session in any service, or from their start date. One query for both kinds.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, daysBetween, type IsoDate } from '@npa/platform';
import { supervisionDue, supervisionSince } from '../finders/due-dates';
import type { ReminderIdentity, ReminderRecipient, StillDue } from '../finders/due-reminder';
import type { ReminderOffsets } from '../finders/reminder-offsets';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import type { ServiceRef } from '../read-model/shared';
import { PRACTITIONERS_AND_LAST_SESSIONS, PRACTITIONERS_CHECKED, type PractitionerCheck } from '../read-model/finders.read-model';

export interface SupervisionFacts {
  practitionerName: string;
  startDate: IsoDate;
  lastSession: IsoDate | null;
  supervisorName: string | null;
  services: ServiceRef[];
  daysSince: number;
  whatToDo: string;
}

interface PractitionerRow {
  person_id: string;
  name: string;
  start_date: string;
  last_session: string | null;
  session_service_id: string | null;
  supervisor_name: string | null;
  supervisor_email: string | null;
  team_supervisors: ReminderRecipient[];
  services: ServiceRef[];
}

@Injectable()
@ReminderKinds()
export class SupervisionKinds implements ReminderKindSource<SupervisionFacts> {
  readonly kinds = [
    { kind: 'supervision-due', to: ['supervisor', 'service_managers'], title: 'Supervision is due' },
    { kind: 'supervision-overdue', to: ['supervisor', 'service_managers'], title: 'Supervision is overdue: more than a fortnight since the last session' },
  ] as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find({ asOf, offsets }: FinderContext): Promise<FoundReminder<SupervisionFacts>[]> {
    const rows = await this.dataSource.query<PractitionerRow[]>(PRACTITIONERS_AND_LAST_SESSIONS, [
      asOf,
      offsets.supervisionOverdueDays + offsets.catchUpDays,
      offsets.supervisionDueDays,
    ]);
    return rows.flatMap((p) => {
      const due = supervisionDue(p.last_session, p.start_date, asOf, offsets);
      if (!due) return [];
      // The session's supervisor; with no session since the start, the team's supervisors.
      const counted = p.last_session !== null && p.last_session >= p.start_date;
      const supervisors = counted && p.supervisor_email ? [{ email: p.supervisor_email, name: p.supervisor_name ?? p.supervisor_email }] : p.team_supervisors;
      const serviceId = counted && p.services.some((s) => s.id === p.session_service_id) ? p.session_service_id! : p.services[0].id;
      const by = addDays(due.since, offsets.supervisionOverdueDays - 1);
      return [
        {
          kind: due.kind,
          subjectKind: 'person' as const,
          subjectId: p.person_id,
          dueOn: due.dueOn,
          organisation: { kind: 'service' as const, id: serviceId },
          serviceIds: p.services.map((s) => s.id),
          people: supervisors,
          facts: {
            practitionerName: p.name,
            startDate: p.start_date,
            lastSession: counted ? p.last_session : null,
            supervisorName: counted ? p.supervisor_name : null,
            services: p.services,
            daysSince: daysBetween(due.since, due.dueOn),
            whatToDo:
              due.kind === 'supervision-due'
                ? `Hold a supervision session with ${p.name} by ${by} and record it in the supervision log.`
                : `${p.name} has had no supervision since ${due.since}, more than a fortnight. Hold a session as soon as possible and record it in the supervision log.`,
          },
        },
      ];
    });
  }

  async stillDue(r: ReminderIdentity, today: IsoDate, offsets: Readonly<ReminderOffsets>) {
    const [still] = await this.stillDueAll([r], today, offsets);
    return still;
  }

  /** Most of a day's emails are these: their practitioners and latest sessions are read in one query. */
  async stillDueAll(reminders: readonly ReminderIdentity[], today: IsoDate, offsets: Readonly<ReminderOffsets>): Promise<StillDue[]> {
    const since = reminders.map((r) => supervisionSince(r.kind as 'supervision-due' | 'supervision-overdue', r.dueOn, offsets));
    const rows = await this.dataSource.query<PractitionerCheck[]>(PRACTITIONERS_CHECKED, [reminders.map((r) => r.subjectId), since, today]);
    return rows.map((person) => {
      if (person.name === null) return notDue('The practitioner is no longer on the register.');
      if (person.session) return notDue(`A supervision session with ${person.name} on ${person.session} has been logged since.`);
      if (!person.active) return notDue(`${person.name} is no longer a practitioner in any team on ${today}.`);
      return DUE;
    });
  }

  /** No date to act by: the session is due now. */
  letter(facts: SupervisionFacts) {
    return { about: facts.practitionerName, whatToDo: facts.whatToDo };
  }
}
