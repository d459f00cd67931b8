import type { EntityManager } from 'typeorm';

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/**
 * The set-wise form of people.repository's findPersonByEmail, with the same match (lower(email) =
 * lower(given), after normaliseEmail): one query for a whole file. Keyed by the email as the file has it.
 */
export async function peopleByEmail(manager: EntityManager, emails: readonly string[]): Promise<Map<string, PersonRef>> {
  const given = [...new Set(emails)];
  if (given.length === 0) return new Map();
  const rows: (PersonRef & { given: string })[] = await manager.query(
    `SELECT g.given, p.id, p.name, p.email FROM unnest($1::text[]) AS g(given) JOIN people p ON lower(p.email) = lower(g.given)`,
    [given],
  );
  return new Map(rows.map(({ given: key, ...person }) => [key, person]));
}

/** Registration number to service id, for every number in the file. */
export async function servicesByNumber(manager: EntityManager, numbers: readonly string[]): Promise<Map<string, string>> {
  const given = [...new Set(numbers)];
  if (given.length === 0) return new Map();
  const rows: { id: string; number: string }[] = await manager.query(
    `SELECT id, registration_number AS number FROM services WHERE registration_number = ANY($1::text[])`,
    [given],
  );
  return new Map(rows.map((r) => [r.number, r.id]));
}

export interface PostRef {
  serviceId: string;
  personId: string;
  role: string;
  start: string;
  end: string | null;
}

/** Every post, past or present, that any of these people held in any of these services. */
export async function postsOf(manager: EntityManager, serviceIds: readonly string[], personIds: readonly string[]): Promise<PostRef[]> {
  if (serviceIds.length === 0 || personIds.length === 0) return [];
  return manager.query(
    `SELECT service_id AS "serviceId", person_id AS "personId", role, start_date::text AS start, end_date::text AS "end"
       FROM team_members WHERE service_id = ANY($1::uuid[]) AND person_id = ANY($2::uuid[])`,
    [[...new Set(serviceIds)], [...new Set(personIds)]],
  );
}

/** Groups rows into lists under a key; a Map of arrays is what the overlap checks read. */
export function groupBy<T, V>(items: readonly T[], keyOf: (item: T) => string, valueOf: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(valueOf(item));
    else groups.set(key, [valueOf(item)]);
  }
  return groups;
}
