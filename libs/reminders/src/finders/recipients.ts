import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FoundReminder } from '../kinds/reminder-kind';
import { ReminderKindRegistry } from '../kinds/reminder-kind.registry';
import type { DueReminder, ReminderRecipient } from './due-reminder';

interface UserRow {
  email: string;
  name: string;
  role: 'npa_reviewer' | 'setting_contact' | 'service_manager';
  organisation_id: string | null;
}

/**
 * Turns the recipient groups of each reminder's kind into addresses: one query for every user any
 * reminder of the sweep needs (setting contacts, service managers, NPA reviewers; never disabled ones).
 */
@Injectable()
export class ReminderRecipients {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kinds: ReminderKindRegistry,
  ) {}

  async resolve(found: FoundReminder[]): Promise<Omit<DueReminder, 'parameterVersion'>[]> {
    const settingIds = new Set<string>();
    const serviceIds = new Set<string>();
    let reviewers = false;
    for (const r of found) {
      const to: readonly string[] = this.kinds.info(r.kind).to;
      if (to.includes('setting_contacts') && r.organisation?.kind === 'setting') settingIds.add(r.organisation.id);
      if (to.includes('service_managers')) for (const id of r.serviceIds ?? []) serviceIds.add(id);
      if (to.includes('npa_reviewers')) reviewers = true;
    }
    const users =
      settingIds.size + serviceIds.size > 0 || reviewers
        ? await this.dataSource.query<UserRow[]>(
            `SELECT email, name, role, organisation_id::text
               FROM users
              WHERE disabled_at IS NULL
                AND ((role = 'npa_reviewer' AND $3::boolean)
                  OR (role = 'setting_contact' AND organisation_id = ANY($1::uuid[]))
                  OR (role = 'service_manager' AND organisation_id = ANY($2::uuid[])))
              ORDER BY name, email`,
            [[...settingIds], [...serviceIds], reviewers],
          )
        : [];
    // Grouped once, in the query's order (by name): thousands of reminders each look up their few users.
    const keyOf = (role: UserRow['role'], organisationId: string | null) => (role === 'npa_reviewer' ? role : `${role} ${organisationId}`);
    const grouped = Map.groupBy(users, (user) => keyOf(user.role, user.organisation_id));
    const of = (role: UserRow['role'], organisationId: string | null): ReminderRecipient[] =>
      (grouped.get(keyOf(role, organisationId)) ?? []).map(({ email, name }) => ({ email, name }));

    return found.map(({ serviceIds: services, people, ...reminder }) => {
      const { to, copy = [] } = this.kinds.info(reminder.kind) as { to: readonly string[]; copy?: readonly string[] };
      const reviewers = of('npa_reviewer', null).map((r) => (copy.includes('npa_reviewers') ? { ...r, copy: true } : r));
      const recipients: ReminderRecipient[] = [
        ...(to.includes('member') || to.includes('supervisor') ? (people ?? []) : []),
        ...(to.includes('setting_contacts') && reminder.organisation?.kind === 'setting' ? of('setting_contact', reminder.organisation.id) : []),
        ...(to.includes('service_managers') ? (services ?? []).flatMap((id) => of('service_manager', id)) : []),
        ...(to.includes('npa_reviewers') ? reviewers : []),
      ];
      return { ...reminder, facts: reminder.facts as Record<string, unknown>, recipients: uniqueByEmail(recipients) };
    });
  }
}

/** One message per address: a member who also manages the service is written to once. */
function uniqueByEmail(recipients: ReminderRecipient[]): ReminderRecipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
