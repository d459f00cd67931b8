import type { ImportKind } from '../import-kinds';

/**
 * A read model, named as one: the register as the imports take it back, one query per kind, reading the
 * tables of the slices that own them (EXPORT_TABLES) straight, not through their doors. It may, because
 * an export streams whole tables in keyset batches, each row joined to the emails and registration
 * numbers a file names people and services by: one query per batch, where asking each slice for the
 * names would add a round trip per slice to every batch. It only reads; the importers write through the
 * slices' entities and ask for lookups at their doors.
 */
export const EXPORT_TABLES = {
  registry: ['people', 'team_members', 'services', 'memberships', 'settings'],
  training: ['workshop_outcomes'],
  supervision: ['supervision_sessions', 'supervision_participants'],
} as const;

// Each query selects its table's id (the keyset) and then the import columns, named as the import
// names them, so an export is a file the import takes back. `$1` is the last id sent, `$2` the batch.
const AFTER = `($1::uuid IS NULL OR x.id > $1::uuid)`;
export const EXPORT_QUERIES: Record<ImportKind, string> = {
  people: `SELECT x.id, x.name, x.email FROM people x WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
  team: `SELECT x.id, s.registration_number AS service_registration_number, p.email, x.role, x.fte::text AS fte, x.caseload,
                x.start_date::text AS start_date, x.end_date::text AS end_date
           FROM team_members x JOIN services s ON s.id = x.service_id JOIN people p ON p.id = x.person_id
          WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
  memberships: `SELECT x.id, p.email, x.number, x.start_date::text AS start_date, x.end_date::text AS end_date
                  FROM memberships x JOIN people p ON p.id = x.person_id WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
  // Only the outcome that stands for each attendee: a superseded row was corrected, not completed twice.
  'workshop-completions': `SELECT x.id, x.workshop_id, p.email, x.outcome, p.name
                             FROM workshop_outcomes x JOIN people p ON p.id = x.person_id
                            WHERE ${AFTER} AND NOT EXISTS (SELECT 1 FROM workshop_outcomes later WHERE later.supersedes_id = x.id)
                            ORDER BY x.id LIMIT $2`,
  settings: `SELECT x.id, x.name, x.ofsted_urn, x.kind, x.staff_count, x.local_area FROM settings x WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
  supervision: `SELECT x.id, s.registration_number AS service_registration_number, x.date::text AS date, sup.email AS supervisor_email,
                       (SELECT string_agg(pp.email, ';' ORDER BY pp.email) FROM supervision_participants sp JOIN people pp ON pp.id = sp.practitioner_id
                         WHERE sp.session_id = x.id) AS practitioner_emails
                  FROM supervision_sessions x JOIN services s ON s.id = x.service_id JOIN people sup ON sup.id = x.supervisor_id
                 WHERE ${AFTER} ORDER BY x.id LIMIT $2`,
};
