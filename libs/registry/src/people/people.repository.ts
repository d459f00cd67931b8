import { EntityManager } from 'typeorm';
import { conflict, invalid } from '@npa/platform';
import type { Post } from './person-access.rules';
import { Person } from './person.entity';

/** Email is how the register recognises a person; the match ignores case and surrounding space. */
export const normaliseEmail = (email: string) => email.trim();

export async function findPersonByEmail(manager: EntityManager, email: string): Promise<Person | null> {
  return manager
    .createQueryBuilder(Person, 'p')
    .where('lower(p.email) = lower(:email)', { email: normaliseEmail(email) })
    .getOne();
}

export async function createPerson(manager: EntityManager, name: string, email: string): Promise<Person> {
  if (await findPersonByEmail(manager, email)) throw conflict('PERSON.EMAIL_TAKEN', 'A person with this email is already on the register.');
  return manager.save(manager.create(Person, { name: name.trim(), email: normaliseEmail(email) }));
}

/** Workshop attendees and imports: the existing person with this email, else a new one. */
export async function findOrCreatePerson(manager: EntityManager, name: string, email: string): Promise<{ person: Person; created: boolean }> {
  const existing = await findPersonByEmail(manager, email);
  if (existing) return { person: existing, created: false };
  return { person: await manager.save(manager.create(Person, { name: name.trim(), email: normaliseEmail(email) })), created: true };
}

export const toPersonView = (person: Person) => ({ id: person.id, name: person.name, email: person.email });

/** Every post a person holds or held, on any service's team or setting's staff: what `personAccess` decides from. */
export async function postsOf(manager: EntityManager, personId: string): Promise<Post[]> {
  const rows = await manager.query<{ organisation: 'service' | 'setting'; organisation_id: string; start_date: string; end_date: string | null }[]>(
    `SELECT 'service' AS organisation, service_id AS organisation_id, start_date::text, end_date::text FROM team_members WHERE person_id = $1
     UNION ALL
     SELECT 'setting', setting_id, start_date::text, end_date::text FROM setting_staff WHERE person_id = $1`,
    [personId],
  );
  return rows.map((r) => ({ organisation: r.organisation, organisationId: r.organisation_id, startDate: r.start_date, endDate: r.end_date }));
}

/** The one answer to a form that names someone it may not link: the same whether or not the email is on the register. */
export const askTheOffice = () =>
  invalid('We cannot add this person from here. If they are already on the register, ask the NPA office to add them.', [
    { field: 'email', problem: 'cannot be added from here: if this person is already on the register, ask the NPA office to add them' },
  ]);
