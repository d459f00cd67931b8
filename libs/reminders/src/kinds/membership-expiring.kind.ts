// Memberships ending in 30 days that no other membership of the person continues.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, type IsoDate } from '@npa/platform';
import { membershipExpiringDue } from '../finders/due-dates';
import type { ReminderIdentity } from '../finders/due-reminder';
import type { ReminderOffsets } from '../finders/reminder-offsets';
import { DUE, notDue, ReminderKinds, type FinderContext, type FoundReminder, type ReminderKindSource } from './reminder-kind';
import { ACTIVE, SERVICES_JSON, type ServiceRef } from './sql';

export interface MembershipExpiringFacts {
  memberName: string;
  personId: string;
  membershipNumber: string;
  membershipEndsOn: IsoDate;
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
    const rows = await this.dataSource.query<MembershipRow[]>(
      `SELECT m.id, m.person_id, p.name, p.email, m.number, m.end_date::text,
              ${SERVICES_JSON(`ARRAY(SELECT tm.service_id FROM team_members tm WHERE tm.person_id = m.person_id AND ${ACTIVE('tm')})`)} AS services,
              (SELECT ss.setting_id::text FROM setting_staff ss WHERE ss.person_id = m.person_id AND ${ACTIVE('ss')} ORDER BY ss.setting_id LIMIT 1) AS setting_id
         FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.end_date >= $1 AND m.end_date - $2::int BETWEEN $1::date - $3::int AND $1::date
          AND NOT EXISTS (SELECT 1 FROM memberships n WHERE n.person_id = m.person_id AND n.id <> m.id AND n.start_date <= m.end_date + 1 AND n.end_date >= m.end_date + 1)`,
      [asOf, offsets.membershipExpiringDaysBefore, offsets.catchUpDays],
    );
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
            services: m.services,
            whatToDo: `Renew NPA professional membership before ${m.end_date}, so that ${m.name} still counts as a current NPA member.`,
          },
        },
      ];
    });
  }

  async stillDue(r: ReminderIdentity, today: IsoDate, offsets: Readonly<ReminderOffsets>) {
    const [m] = await this.dataSource.query<{ person_id: string; name: string; end_date: string }[]>(
      `SELECT m.person_id, p.name, m.end_date::text FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.id = $1`,
      [r.subjectId],
    );
    if (!m) return notDue('The membership no longer exists.');
    const [renewal] = await this.dataSource.query<{ number: string; start_date: string; end_date: string }[]>(
      `SELECT number, start_date::text, end_date::text FROM memberships
        WHERE person_id = $1 AND id <> $2 AND start_date <= $3::date + 1 AND end_date >= $3::date + 1 ORDER BY end_date DESC LIMIT 1`,
      [m.person_id, r.subjectId, m.end_date],
    );
    if (renewal)
      return notDue(`${m.name}'s NPA membership was renewed: membership ${renewal.number} runs from ${renewal.start_date} until ${renewal.end_date}.`);
    if (addDays(m.end_date, -offsets.membershipExpiringDaysBefore) !== r.dueOn) return notDue(`The membership's end date has changed to ${m.end_date}.`);
    if (today > m.end_date) return notDue(`The membership ended on ${m.end_date} before the reminder was sent.`);
    return DUE;
  }

  letter(facts: MembershipExpiringFacts) {
    return { about: facts.memberName, actBy: facts.membershipEndsOn, whatToDo: facts.whatToDo, personId: facts.personId };
  }
}
