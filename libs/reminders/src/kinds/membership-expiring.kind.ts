// Memberships ending in 30 days that no other membership of the person continues.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, daysBetween, type IsoDate } from '@npa/platform';
import { membershipExpiringDue } from '../finders/due-dates';
import type { ReminderIdentity } from '../finders/due-reminder';
import type { ReminderOffsets } from '../finders/reminder-offsets';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { type ServiceRef } from '../read-model/shared';
import { MEMBERSHIP, MEMBERSHIP_RENEWAL, MEMBERSHIPS_EXPIRING } from '../read-model/finders.read-model';

export interface MembershipExpiringFacts {
  memberName: string;
  personId: string;
  membershipNumber: string;
  membershipEndsOn: IsoDate;
  /** Absent from reminders recorded before the offset became a rule parameter. */
  daysLeft?: number;
  services: ServiceRef[];
  whatToDo: string;
}

interface MembershipRow {
  id: string;
  person_id: string;
  name: string;
  email: string;
  number: string;
  end_date: string;
  services: ServiceRef[];
  setting_id: string | null;
}

@Injectable()
@ReminderKinds()
export class MembershipExpiringKind implements ReminderKindSource<MembershipExpiringFacts> {
  readonly kinds = [{ kind: 'membership-expiring', to: ['member', 'service_managers'], title: 'NPA membership expires in 30 days' }] as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find({ asOf, offsets }: FinderContext): Promise<FoundReminder<MembershipExpiringFacts>[]> {
    const rows = await this.dataSource.query<MembershipRow[]>(MEMBERSHIPS_EXPIRING, [asOf, offsets.membershipExpiringDaysBefore, offsets.catchUpDays]);
    return rows.flatMap((m) => {
      const dueOn = membershipExpiringDue({ endDate: m.end_date }, asOf, offsets);
      if (!dueOn) return [];
      const organisation =
        m.services.length > 0 ? { kind: 'service' as const, id: m.services[0].id } : m.setting_id ? { kind: 'setting' as const, id: m.setting_id } : null;
      return [
        {
          kind: 'membership-expiring',
          subjectKind: 'membership' as const,
          subjectId: m.id,
          dueOn,
          organisation,
          serviceIds: m.services.map((s) => s.id),
          people: [{ email: m.email, name: m.name }],
          facts: {
            memberName: m.name,
            personId: m.person_id,
            membershipNumber: m.number,
            membershipEndsOn: m.end_date,
            daysLeft: daysBetween(dueOn, m.end_date),
            services: m.services,
            whatToDo: `Renew NPA professional membership before ${m.end_date}, so that ${m.name} still counts as a current NPA member.`,
          },
        },
      ];
    });
  }

  async stillDue(r: ReminderIdentity, today: IsoDate, offsets: Readonly<ReminderOffsets>) {
    const [m] = await this.dataSource.query<{ person_id: string; name: string; end_date: string }[]>(MEMBERSHIP, [r.subjectId]);
    if (!m) return notDue('The membership no longer exists.');
    const [renewal] = await this.dataSource.query<{ number: string; start_date: string; end_date: string }[]>(MEMBERSHIP_RENEWAL, [
      m.person_id,
      r.subjectId,
      m.end_date,
    ]);
    if (renewal)
      return notDue(`${m.name}'s NPA membership was renewed: membership ${renewal.number} runs from ${renewal.start_date} until ${renewal.end_date}.`);
    if (addDays(m.end_date, -offsets.membershipExpiringDaysBefore) !== r.dueOn) return notDue(`The membership's end date has changed to ${m.end_date}.`);
    if (today > m.end_date) return notDue(`The membership ended on ${m.end_date} before the reminder was sent.`);
    return DUE;
  }

  letter(facts: MembershipExpiringFacts) {
    const heading = facts.daysLeft === undefined ? undefined : `NPA membership expires in ${facts.daysLeft} days`;
    return { about: facts.memberName, actBy: facts.membershipEndsOn, whatToDo: facts.whatToDo, personId: facts.personId, heading };
  }
}
