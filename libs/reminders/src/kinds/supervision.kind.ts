// Supervision due (10 days) and overdue (15 days) for every active practitioner, counted from their
// latest session in any service, or from their start date. One query for both kinds.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, daysBetween, type IsoDate } from '@npa/platform';
import { supervisionDue, supervisionSince } from '../finders/due-dates';
import type { ReminderIdentity, ReminderRecipient } from '../finders/due-reminder';
import type { ReminderOffsets } from '../finders/reminder-offsets';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { ACTIVE, practitioner, SERVICES_JSON, type ServiceRef } from './sql';

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
    const rows = await this.dataSource.query<PractitionerRow[]>(
      `WITH practitioners AS (
         SELECT tm.person_id, min(tm.start_date) AS start_date, array_agg(DISTINCT tm.service_id) AS service_ids
           FROM team_members tm
          WHERE tm.role = 'practitioner' AND ${ACTIVE('tm')}
          GROUP BY tm.person_id
       ), last_sessions AS (
         SELECT DISTINCT ON (sp.practitioner_id) sp.practitioner_id, s.date, s.supervisor_id, s.service_id
           FROM supervision_participants sp JOIN supervision_sessions s ON s.id = sp.session_id
          WHERE s.date <= $1 AND sp.practitioner_id IN (SELECT person_id FROM practitioners)
          ORDER BY sp.practitioner_id, s.date DESC, s.id
       )
       SELECT p.person_id, pe.name, p.start_date::text, l.date::text AS last_session, l.service_id::text AS session_service_id,
              sup.name AS supervisor_name, sup.email AS supervisor_email,
              COALESCE((SELECT json_agg(json_build_object('name', sp2.name, 'email', sp2.email) ORDER BY sp2.name, sp2.email) FROM people sp2
                         WHERE sp2.id IN (SELECT st.person_id FROM team_members st WHERE st.role = 'supervisor' AND st.service_id = ANY(p.service_ids) AND ${ACTIVE('st')})), '[]') AS team_supervisors,
              ${SERVICES_JSON('p.service_ids')} AS services
         FROM practitioners p
         JOIN people pe ON pe.id = p.person_id
         LEFT JOIN last_sessions l ON l.practitioner_id = p.person_id
         LEFT JOIN people sup ON sup.id = l.supervisor_id
        WHERE GREATEST(l.date, p.start_date) BETWEEN $1::date - $2::int AND $1::date - $3::int`,
      [asOf, offsets.supervisionOverdueDays + offsets.catchUpDays, offsets.supervisionDueDays],
    );
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
    const since = supervisionSince(r.kind as 'supervision-due' | 'supervision-overdue', r.dueOn, offsets);
    const person = await practitioner(this.dataSource, r.subjectId, today);
    if (!person) return notDue('The practitioner is no longer on the register.');
    const [session] = await this.dataSource.query<{ date: string }[]>(
      `SELECT s.date::text FROM supervision_sessions s JOIN supervision_participants sp ON sp.session_id = s.id
        WHERE sp.practitioner_id = $1 AND s.date > $2 AND s.date <= $3 ORDER BY s.date DESC LIMIT 1`,
      [r.subjectId, since, today],
    );
    if (session) return notDue(`A supervision session with ${person.name} on ${session.date} has been logged since.`);
    if (!person.active) return notDue(`${person.name} is no longer a practitioner in any team on ${today}.`);
    return DUE;
  }

  /** No date to act by: the session is due now. */
  letter(facts: SupervisionFacts) {
    return { about: facts.practitionerName, whatToDo: facts.whatToDo };
  }
}
