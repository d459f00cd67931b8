import type { EntityManager } from 'typeorm';
import { preparedRead, type OrganisationKind } from '@npa/platform';
import type { AgeRange } from './services/service.entity';

/**
 * The register's answers to other slices, set-based where they read many rows: the register's tables
 * are read here (and by the compliance facts read model), not with SQL of their own in each slice. Each
 * takes the caller's manager, so a read can sit in the caller's transaction.
 */
type Db = Pick<EntityManager, 'query'>;

const ORGANISATION_TABLES: Record<OrganisationKind, string> = { service: 'services', setting: 'settings' };

export async function organisationExists(db: Db, kind: OrganisationKind, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM ${ORGANISATION_TABLES[kind]} WHERE id = $1`, [id]);
  return rows.length > 0;
}

export interface ServiceLine {
  id: string;
  name: string;
  registrationNumber: string;
  localAuthority: string;
  region: string;
}

const SERVICE_LINE = 'id, name, registration_number AS "registrationNumber", local_authority AS "localAuthority", region';

export async function serviceLine(db: Db, id: string): Promise<ServiceLine | null> {
  const [service] = await db.query<ServiceLine[]>(`SELECT ${SERVICE_LINE} FROM services WHERE id = $1`, [id]);
  return service ?? null;
}

/** Every service on the register, or those registered by a date, by name. */
export async function serviceLines(db: Db, registeredBy?: string): Promise<ServiceLine[]> {
  return db.query<ServiceLine[]>(`SELECT ${SERVICE_LINE} FROM services WHERE $1::date IS NULL OR registered_on <= $1 ORDER BY name, id`, [
    registeredBy ?? null,
  ]);
}

export async function serviceRegistrations(db: Db, ids: string[]): Promise<{ id: string; registeredOn: string; ageRange: AgeRange }[]> {
  return db.query(`SELECT id, registered_on::text AS "registeredOn", age_range AS "ageRange" FROM services WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);
}

/** The children on a service's team's caseload on a day: the sum over members on the team that day. */
export async function teamCaseloadOn(db: Db, serviceId: string, date: string): Promise<number> {
  const [{ caseload }] = await db.query<{ caseload: number }[]>(
    `SELECT COALESCE(SUM(caseload), 0)::int AS caseload FROM team_members WHERE service_id = $1 AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)`,
    [serviceId, date],
  );
  return caseload;
}

/** The names of these settings, by id. */
export async function settingNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  // A page with nothing to name (a queue nobody has picked up yet) makes no round trip for it.
  if (ids.length === 0) return new Map();
  const rows = await preparedRead<{ id: string; name: string }>(db, 'registry.setting-names', 'SELECT id, name FROM settings WHERE id = ANY($1::uuid[])', [
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
