// Practitioners whose induction period ended without the NPA induction checklist.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, type IsoDate } from '@npa/platform';
import { inductionOverdueDue } from '../finders/due-dates';
import type { ReminderIdentity } from '../finders/due-reminder';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { ACTIVE, practitioner, SERVICES_JSON, type ServiceRef } from './sql';

export interface InductionOverdueFacts {
  practitionerName: string;
  startDate: IsoDate;
  inductionEnded: IsoDate;
  services: ServiceRef[];
  whatToDo: string;
}

@Injectable()
@ReminderKinds()
export class InductionOverdueKind implements ReminderKindSource<InductionOverdueFacts> {
  readonly kinds = [{ kind: 'induction-overdue', to: ['service_managers'], title: 'The induction period ended without the NPA induction checklist' }] as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find({ asOf, offsets, params }: FinderContext): Promise<FoundReminder<InductionOverdueFacts>[]> {
    const { inductionDays } = params;
    const rows = await this.dataSource.query<{ person_id: string; name: string; start_date: string; services: ServiceRef[] }[]>(
      `SELECT q.person_id, q.name, q.start_date::text, ${SERVICES_JSON('q.service_ids')} AS services
         FROM (SELECT tm.person_id, pe.name, min(tm.start_date) AS start_date, array_agg(DISTINCT tm.service_id) AS service_ids
                 FROM team_members tm JOIN people pe ON pe.id = tm.person_id
                WHERE tm.role = 'practitioner' AND ${ACTIVE('tm')}
                GROUP BY tm.person_id, pe.name
               HAVING min(tm.start_date) + $2::int BETWEEN $1::date - $3::int AND $1::date) q
        WHERE NOT EXISTS (SELECT 1 FROM inductions i WHERE i.person_id = q.person_id AND i.completed_on <= $1)`,
      [asOf, inductionDays, offsets.catchUpDays],
    );
    return rows.flatMap((p) => {
      const dueOn = inductionOverdueDue(p.start_date, null, inductionDays, asOf, offsets);
      if (!dueOn) return [];
      return [
        {
          kind: 'induction-overdue',
          subjectKind: 'person' as const,
          subjectId: p.person_id,
          dueOn,
          organisation: { kind: 'service' as const, id: p.services[0].id },
          serviceIds: p.services.map((s) => s.id),
          facts: {
            practitionerName: p.name,
            startDate: p.start_date,
            inductionEnded: addDays(p.start_date, inductionDays - 1),
            services: p.services,
            whatToDo: `Complete the NPA induction checklist with ${p.name} and record the date it was completed.`,
          },
        },
      ];
    });
  }

  async stillDue(r: ReminderIdentity, today: IsoDate) {
    const person = await practitioner(this.dataSource, r.subjectId, today);
    if (!person) return notDue('The practitioner is no longer on the register.');
    const [induction] = await this.dataSource.query<{ completed_on: string }[]>(
      `SELECT completed_on::text FROM inductions WHERE person_id = $1 AND completed_on <= $2 ORDER BY completed_on LIMIT 1`,
      [r.subjectId, today],
    );
    if (induction) return notDue(`${person.name} completed the NPA induction checklist on ${induction.completed_on}.`);
    if (!person.active) return notDue(`${person.name} is no longer a practitioner in any team on ${today}.`);
    return DUE;
  }

  letter(facts: InductionOverdueFacts) {
    return { about: facts.practitionerName, whatToDo: facts.whatToDo };
  }
}
