// SQL pieces the finder queries share, and the award rows the award kinds read.
import type { DataSource } from 'typeorm';
import type { AwardPeriod } from '@npa/approval';

export interface AwardRow {
  id: string;
  setting_id: string;
  setting_name: string;
  awarded_on: string;
  starts_on: string;
  expires_on: string;
}

export interface ServiceRef {
  id: string;
  name: string;
}

export const AWARD_COLUMNS = `a.id, a.setting_id, s.name AS setting_name, a.awarded_on::text, a.starts_on::text, a.expires_on::text`;

/** Active on $1: the post or period covers the sweep's date. */
export const ACTIVE = (alias: string) => `${alias}.start_date <= $1 AND (${alias}.end_date IS NULL OR ${alias}.end_date >= $1)`;

/** id and name of the services in an array expression, ordered by id. */
export const SERVICES_JSON = (ids: string) =>
  `COALESCE((SELECT json_agg(json_build_object('id', sv.id, 'name', sv.name) ORDER BY sv.id) FROM services sv WHERE sv.id = ANY(${ids})), '[]')`;

export const period = (a: AwardRow): AwardPeriod => ({ id: a.id, awardedOn: a.awarded_on, startsOn: a.starts_on, expiresOn: a.expires_on });

export async function awardRow(dataSource: DataSource, id: string): Promise<AwardRow | undefined> {
  return (await awardRows(dataSource, [id])).get(id);
}

/** As awardRow, for several awards in one query, by id. */
export async function awardRows(dataSource: DataSource, ids: readonly string[]): Promise<Map<string, AwardRow>> {
  const rows = await dataSource.query<AwardRow[]>(`SELECT ${AWARD_COLUMNS} FROM awards a JOIN settings s ON s.id = a.setting_id WHERE a.id = ANY($1::uuid[])`, [
    ids,
  ]);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Where an award's reminder is listed: under its setting. */
export const awardSubject = (a: AwardRow, kind: string, dueOn: string) => ({
  kind,
  subjectKind: 'award' as const,
  subjectId: a.id,
  dueOn,
  organisation: { kind: 'setting' as const, id: a.setting_id },
});

/** Where an application's reminder is listed: under its setting. */
export const applicationSubject = (a: { id: string; setting_id: string }, kind: string, dueOn: string) => ({
  kind,
  subjectKind: 'application' as const,
  subjectId: a.id,
  dueOn,
  organisation: { kind: 'setting' as const, id: a.setting_id },
});

/** The practitioner's name, and whether they are still a practitioner in a team today. */
export async function practitioner(dataSource: DataSource, personId: string, today: string): Promise<{ name: string; active: boolean } | undefined> {
  const [row] = await dataSource.query<{ name: string; active: boolean }[]>(
    `SELECT p.name, EXISTS (SELECT 1 FROM team_members tm WHERE tm.person_id = p.id AND tm.role = 'practitioner' AND ${ACTIVE('tm')}) AS active
       FROM people p WHERE p.id = $2`,
    [today, personId],
  );
  return row;
}

export interface ApplicationRow {
  state: string;
  submitted_at: Date | null;
  requested_at: Date | null;
}

/** An application's state, latest submission and latest request for information. */
export async function applicationRow(dataSource: DataSource, id: string): Promise<ApplicationRow | undefined> {
  return (await applicationRows(dataSource, [id])).get(id);
}

/** As applicationRow, for several applications in one query, by id. */
export async function applicationRows(dataSource: DataSource, ids: readonly string[]): Promise<Map<string, ApplicationRow>> {
  const rows = await dataSource.query<(ApplicationRow & { id: string })[]>(
    `SELECT a.id, a.state, a.submitted_at,
            (SELECT max(ev.at) FROM application_events ev WHERE ev.application_id = a.id AND ev.action = 'request-information') AS requested_at
       FROM applications a WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}
