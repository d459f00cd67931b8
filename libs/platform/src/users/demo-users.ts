import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';

export const DEMO_PASSWORD = 'demo-password-2025';

export interface DemoUsers {
  password: string;
  reviewer: string;
  manager: string | null;
  contact: string | null;
  trainer: string | null;
  /** Each trainer's account, for the trainer records to be linked to by id. */
  trainerAccounts: { email: string; userId: string }[];
  count: number;
}

/**
 * Sign-ins for a demo register: a reviewer, a manager for each service, a contact for each setting and
 * a sign-in for each trainer (the caller links each trainer record to its account),
 * all with one password, so a new user can look at the system through each role's eyes and the
 * reminders the sweep finds have somebody to go to. One hash serves them all: argon2 is slow on purpose.
 */
export async function generateDemoUsers(
  dataSource: DataSource,
  options: { serviceIds: string[]; settingIds: string[]; trainers?: { name: string; email: string }[]; tag: string },
): Promise<DemoUsers> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const email = (who: string, n: number) => `${who}${n}.${options.tag}@demo.portage.example`;
  const users = [
    { id: randomUUID(), email: email('reviewer', 1), name: 'Demo Reviewer', role: 'npa_reviewer', organisation_id: null },
    ...options.serviceIds.map((id, n) => ({
      id: randomUUID(),
      email: email('manager', n + 1),
      name: `Service Manager ${n + 1}`,
      role: 'service_manager',
      organisation_id: id,
    })),
    ...options.settingIds.map((id, n) => ({
      id: randomUUID(),
      email: email('contact', n + 1),
      name: `Setting Contact ${n + 1}`,
      role: 'setting_contact',
      organisation_id: id,
    })),
    ...(options.trainers ?? []).map((t) => ({ id: randomUUID(), email: t.email, name: t.name, role: 'trainer', organisation_id: null })),
  ];
  await dataSource.query(
    `INSERT INTO users (id, email, name, password_hash, role, organisation_id, version)
     SELECT id, email, name, $2, role, organisation_id, 1 FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, email text, name text, role text, organisation_id uuid)`,
    [JSON.stringify(users), passwordHash],
  );
  return {
    password: DEMO_PASSWORD,
    reviewer: users[0].email,
    manager: options.serviceIds.length ? email('manager', 1) : null,
    contact: options.settingIds.length ? email('contact', 1) : null,
    trainer: options.trainers?.[0]?.email ?? null,
    trainerAccounts: users.filter((u) => u.role === 'trainer').map((u) => ({ email: u.email, userId: u.id })),
    count: users.length,
  };
}
