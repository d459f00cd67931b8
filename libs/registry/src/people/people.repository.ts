import { EntityManager } from 'typeorm';
import { conflict } from '@npa/platform';
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
