/**
 * A read model, named as one: the reminder kinds' finder queries and the re-checks that read the
 * register again before sending. Each finder asks one set-based question of the whole register every
 * day (which awards expire within the window, which practitioners have gone a fortnight without
 * supervision...) and answers it in one statement joining the tables of the slices that hold the facts
 * (FINDER_TABLES), as compliance's facts read model does: a call per slice would move every row of the
 * register into the process to compare dates. It only reads; the owners write, and need not know it
 * exists. The kinds (kinds/*.kind.ts) hold what is done with the rows: due dates, facts, letters.
 */
import { ACTIVE, AWARD_COLUMNS, SERVICES_JSON } from './shared';

/** The tables these queries and shared.ts read, by the slice that owns them. */
export const FINDER_TABLES = {
  registry: ['services', 'settings', 'people', 'team_members', 'setting_staff', 'memberships', 'inductions'],
  supervision: ['supervision_sessions', 'supervision_participants'],
  approval: ['awards', 'applications', 'application_events'],
  returns: ['annual_returns', 'return_years'],
} as const;

/** annual-return: services registered by $2 with no return for the year starting $1. */
export const SERVICES_WITHOUT_RETURN = `SELECT s.id, s.name FROM services s
        WHERE s.registered_on <= $2
          AND NOT EXISTS (SELECT 1 FROM annual_returns r WHERE r.service_id = s.id AND r.start_year = $1)
        ORDER BY s.id`;

/** annual-return's re-check: the service's return for the year, if filed. */
export const RETURN_FILED = 'SELECT filed_at FROM annual_returns WHERE service_id = $1 AND start_year = $2';

/** annual-return: the reporting year's due date and whether the NPA has closed it. */
export const RETURN_YEAR = 'SELECT due_on::text, closed_at IS NOT NULL AS closed FROM return_years WHERE start_year = $1';

/** application-awaiting-review: applications submitted at least $2 days before $1 (days in zone $3) and still waiting. */
export const AWAITING_REVIEW = `SELECT a.id, a.setting_id, s.name AS setting_name, a.kind, a.submitted_at
         FROM applications a JOIN settings s ON s.id = a.setting_id
        WHERE a.state = 'submitted' AND a.submitted_at IS NOT NULL AND (a.submitted_at AT TIME ZONE $3)::date <= $1::date - $2::int`;

/** award-at-risk: every award of each setting that has one in force on $1, oldest first. */
export const AWARDS_OF_SETTINGS_WITH_ONE_IN_FORCE = `SELECT ${AWARD_COLUMNS} FROM awards a JOIN settings s ON s.id = a.setting_id
        WHERE a.setting_id IN (SELECT setting_id FROM awards WHERE awarded_on <= $1 AND starts_on <= $1 AND expires_on >= $1)
        ORDER BY a.starts_on`;

/** award-expired: awards that ended $2 days before a day in the catch-up window ($3 days to $1) with none in force now. */
export const EXPIRED_AWARDS = `SELECT ${AWARD_COLUMNS}, s.ofsted_urn FROM awards a JOIN settings s ON s.id = a.setting_id
        WHERE a.awarded_on <= $1 AND a.expires_on + $2::int BETWEEN $1::date - $3::int AND $1::date
          AND NOT EXISTS (SELECT 1 FROM awards c WHERE c.setting_id = a.setting_id AND c.awarded_on <= $1 AND c.starts_on <= $1 AND c.expires_on >= $1)`;

/** induction-overdue: active practitioners, with their services, who have not completed the checklist by $1. */
export const INDUCTION_OVERDUE = `SELECT q.person_id, q.name, q.start_date::text, ${SERVICES_JSON('q.service_ids')} AS services
         FROM (SELECT tm.person_id, pe.name, min(tm.start_date) AS start_date, array_agg(DISTINCT tm.service_id) AS service_ids
                 FROM team_members tm JOIN people pe ON pe.id = tm.person_id
                WHERE tm.role = 'practitioner' AND ${ACTIVE('tm')}
                GROUP BY tm.person_id, pe.name
               HAVING min(tm.start_date) + $2::int BETWEEN $1::date - $3::int AND $1::date) q
        WHERE NOT EXISTS (SELECT 1 FROM inductions i WHERE i.person_id = q.person_id AND i.completed_on <= $1)`;

/** induction-overdue's re-check: the first completion of the checklist by $2. */
export const INDUCTION_COMPLETED = `SELECT completed_on::text FROM inductions WHERE person_id = $1 AND completed_on <= $2 ORDER BY completed_on LIMIT 1`;

/** information-requested: applications waiting on the setting, asked for information $2 to $3 days before $1. */
export const INFORMATION_REQUESTED = `SELECT a.id, a.setting_id, s.name AS setting_name, e.at AS requested_at, e.message
         FROM applications a JOIN settings s ON s.id = a.setting_id
         JOIN LATERAL (SELECT ev.at, ev.message FROM application_events ev
                        WHERE ev.application_id = a.id AND ev.action = 'request-information'
                        ORDER BY ev.at DESC, ev.id DESC LIMIT 1) e ON true
        WHERE a.state = 'information_requested'
          AND (e.at AT TIME ZONE $4)::date BETWEEN $1::date - $2::int AND $1::date - $3::int`;

/** membership-expiring: memberships ending $2 days after a day in the catch-up window, with no membership that follows on. */
export const MEMBERSHIPS_EXPIRING = `SELECT m.id, m.person_id, p.name, p.email, m.number, m.end_date::text,
              ${SERVICES_JSON(`ARRAY(SELECT tm.service_id FROM team_members tm WHERE tm.person_id = m.person_id AND ${ACTIVE('tm')})`)} AS services,
              (SELECT ss.setting_id::text FROM setting_staff ss WHERE ss.person_id = m.person_id AND ${ACTIVE('ss')} ORDER BY ss.setting_id LIMIT 1) AS setting_id
         FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.end_date >= $1 AND m.end_date - $2::int BETWEEN $1::date - $3::int AND $1::date
          AND NOT EXISTS (SELECT 1 FROM memberships n WHERE n.person_id = m.person_id AND n.id <> m.id AND n.start_date <= m.end_date + 1 AND n.end_date >= m.end_date + 1)`;

/** membership-expiring's re-check: the membership, its person and its end. */
export const MEMBERSHIP = `SELECT m.person_id, p.name, m.end_date::text FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.id = $1`;

/** membership-expiring's re-check: a membership of the same person that follows on from this one. */
export const MEMBERSHIP_RENEWAL = `SELECT number, start_date::text, end_date::text FROM memberships
        WHERE person_id = $1 AND id <> $2 AND start_date <= $3::date + 1 AND end_date >= $3::date + 1 ORDER BY end_date DESC LIMIT 1`;

/** supervision-due and supervision-overdue: each active practitioner with their latest session and their teams' supervisors. */
export const PRACTITIONERS_AND_LAST_SESSIONS = `WITH practitioners AS (
         SELECT tm.person_id, min(tm.start_date) AS start_date, array_agg(DISTINCT tm.service_id) AS service_ids
           FROM team_members tm
          WHERE tm.role = 'practitioner' AND ${ACTIVE('tm')}
          GROUP BY tm.person_id
       ), last_sessions AS (
         -- Each practitioner's latest session, one probe of the participants' (practitioner, date, session)
         -- index; of two on the same day, the one the index reads first.
         SELECT p.person_id AS practitioner_id, l.date, l.supervisor_id, l.service_id
           FROM practitioners p
           CROSS JOIN LATERAL (SELECT s.date, s.supervisor_id, s.service_id
                                 FROM supervision_participants sp JOIN supervision_sessions s ON s.id = sp.session_id
                                WHERE sp.practitioner_id = p.person_id AND sp.session_date <= $1
                                ORDER BY sp.session_date DESC, sp.session_id DESC LIMIT 1) l
       )
       SELECT p.person_id, pe.name, p.start_date::text, l.date::text AS last_session, l.service_id::text AS session_service_id,
              sup.name AS supervisor_name, sup.email AS supervisor_email,
              COALESCE((SELECT json_agg(json_build_object('name', sp2.name, 'email', sp2.email) ORDER BY sp2.name, sp2.email) FROM people sp2
                         WHERE sp2.id IN (SELECT st.person_id FROM team_members st WHERE st.role = 'supervisor' AND st.service_id = ANY(p.service_ids) AND ${ACTIVE('st')})), '[]') AS team_supervisors,
              ${SERVICES_JSON('p.service_ids')} AS services
         FROM practitioners p
         JOIN people pe ON pe.id = p.person_id
         LEFT JOIN last_sessions l ON l.practitioner_id = p.person_id
         LEFT JOIN people sup ON sup.id = l.supervisor_id
        WHERE GREATEST(l.date, p.start_date) BETWEEN $1::date - $2::int AND $1::date - $3::int`;

/** Each practitioner ($1) as a supervision reminder is checked again: still on the register, still in a team on $3, a session since $2. */
export interface PractitionerCheck {
  name: string | null;
  active: boolean;
  session: string | null;
}

export const PRACTITIONERS_CHECKED = `SELECT p.name,
        EXISTS (SELECT 1 FROM team_members tm WHERE tm.person_id = x.person_id AND tm.role = 'practitioner' AND tm.start_date <= $3 AND (tm.end_date IS NULL OR tm.end_date >= $3)) AS active,
        (SELECT max(sp.session_date)::text FROM supervision_participants sp
          WHERE sp.practitioner_id = x.person_id AND sp.session_date > x.since AND sp.session_date <= $3) AS session
   FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS x(person_id, since, n) LEFT JOIN people p ON p.id = x.person_id
  ORDER BY x.n`;
