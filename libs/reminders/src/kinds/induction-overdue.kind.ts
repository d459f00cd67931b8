// Practitioners whose induction period ended without the NPA induction checklist.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, type IsoDate } from '@npa/platform';
import { inductionOverdueDue } from '../finders/due-dates';
import type { ReminderIdentity } from '../finders/due-reminder';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { practitioner, type ServiceRef } from '../read-model/shared';
import { INDUCTION_COMPLETED, INDUCTION_OVERDUE } from '../read-model/finders.read-model';

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
    const rows = await this.dataSource.query<{ person_id: string; name: string; start_date: string; services: ServiceRef[] }[]>(INDUCTION_OVERDUE, [
      asOf,
      inductionDays,
      offsets.catchUpDays,
    ]);
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
    const [induction] = await this.dataSource.query<{ completed_on: string }[]>(INDUCTION_COMPLETED, [r.subjectId, today]);
    if (induction) return notDue(`${person.name} completed the NPA induction checklist on ${induction.completed_on}.`);
    if (!person.active) return notDue(`${person.name} is no longer a practitioner in any team on ${today}.`);
    return DUE;
  }

  letter(facts: InductionOverdueFacts) {
    return { about: facts.practitionerName, whatToDo: facts.whatToDo };
  }
}
