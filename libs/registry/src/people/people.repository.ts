import { EntityManager } from 'typeorm';
import { conflict, invalid, type OrganisationKind } from '@npa/platform';
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
  const rows = await manager.query<{ organisation: OrganisationKind; organisation_id: string; start_date: string; end_date: string | null }[]>(
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

/** Retention: the person, locked for the transaction, unless already anonymised. */
export async function lockPersonForRetention(manager: EntityManager, id: string): Promise<{ id: string; name: string; email: string } | null> {
  const [person] = await manager.query<{ id: string; name: string; email: string }[]>(
    'SELECT id, name, email FROM people WHERE id = $1 AND anonymised_at IS NULL FOR UPDATE',
    [id],
  );
  return person ?? null;
}

export async function anonymisePerson(manager: EntityManager, id: string, name: string, email: string): Promise<void> {
  await manager.query('UPDATE people SET name = $2, email = $3, anonymised_at = now(), updated_at = now() WHERE id = $1', [id, name, email]);
}

/** The ids of the people with this email, whatever its case. */
export async function personIdsByEmail(manager: EntityManager, email: string): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>('SELECT id::text FROM people WHERE lower(email) = lower($1)', [email]);
  return rows.map((r) => r.id);
}

/** Which of these names (lower case) a person still on the register has, leaving out some people. */
export async function personNamesInUse(manager: EntityManager, lowerNames: string[], except: string[]): Promise<string[]> {
  const rows = await manager.query<{ name: string }[]>(
    'SELECT DISTINCT lower(name) AS name FROM people WHERE anonymised_at IS NULL AND NOT (id = ANY($2::uuid[])) AND lower(name) = ANY($1::text[])',
    [lowerNames, except],
  );
  return rows.map((r) => r.name);
}
