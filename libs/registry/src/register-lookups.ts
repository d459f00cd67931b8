import type { EntityManager } from 'typeorm';

// The register's set-wise lookups for a whole imported file: one query per file, never one per row.

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/**
 * The set-wise form of findPersonByEmail (people/people.repository.ts), with the same match (lower(email) =
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
export async function teamPostsOf(manager: EntityManager, serviceIds: readonly string[], personIds: readonly string[]): Promise<PostRef[]> {
  if (serviceIds.length === 0 || personIds.length === 0) return [];
  return manager.query(
    `SELECT service_id AS "serviceId", person_id AS "personId", role, start_date::text AS start, end_date::text AS "end"
       FROM team_members WHERE service_id = ANY($1::uuid[]) AND person_id = ANY($2::uuid[])`,
    [[...new Set(serviceIds)], [...new Set(personIds)]],
  );
}

/** Every membership period of these people. */
export async function membershipPeriodsOf(manager: EntityManager, personIds: readonly string[]): Promise<{ personId: string; start: string; end: string }[]> {
  if (personIds.length === 0) return [];
  return manager.query(
    `SELECT person_id AS "personId", start_date::text AS start, end_date::text AS "end" FROM memberships WHERE person_id = ANY($1::uuid[])`,
    [[...new Set(personIds)]],
  );
}

/** The settings already on the register with any of these Ofsted URNs. */
export async function settingsByUrn(manager: EntityManager, urns: readonly string[]): Promise<{ urn: string; name: string }[]> {
  if (urns.length === 0) return [];
  return manager.query(`SELECT ofsted_urn AS urn, name FROM settings WHERE ofsted_urn = ANY($1::text[])`, [[...new Set(urns)]]);
}
