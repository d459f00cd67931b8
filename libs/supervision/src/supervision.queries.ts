import type { EntityManager } from 'typeorm';

export interface LoggedSession {
  serviceId: string;
  date: string;
  supervisorId: string;
  practitionerIds: string[];
}

/** The sessions in the log for these services between two days (inclusive), with their practitioners. */
export async function sessionsLogged(manager: EntityManager, serviceIds: readonly string[], from: string, to: string): Promise<LoggedSession[]> {
  if (serviceIds.length === 0) return [];
  return manager.query(
    `SELECT s.service_id AS "serviceId", s.date::text AS date, s.supervisor_id AS "supervisorId", array_agg(p.practitioner_id::text) AS "practitionerIds"
       FROM supervision_sessions s JOIN supervision_participants p ON p.session_id = s.id
      WHERE s.service_id = ANY($1::uuid[]) AND s.date BETWEEN $2::date AND $3::date
      GROUP BY s.id`,
    [[...new Set(serviceIds)], from, to],
  );
}
