/**
 * A read model, named as one: every link a person has to the NPA, each with the day it ended (null:
 * still open), read straight from the tables of the slices that hold them (PERSON_LINK_TABLES). It may,
 * because retention asks one set-based question of the whole register every night (whose last link
 * ended before the cutoff, with none open) and answers it in one statement, grouped by person; a call
 * per slice would move every link of every person into the process to take a maximum. It only reads.
 * The record's own creation counts as a link, so a person entered today with a history that ended long
 * ago is not anonymised tonight. $2 is the time zone a timestamp's day is taken in.
 */
const PERSON_LINKS = `
  SELECT person_id, end_date AS ended FROM team_members
  UNION ALL SELECT person_id, end_date FROM setting_staff
  UNION ALL SELECT person_id, end_date FROM memberships
  UNION ALL SELECT a.person_id, w.end_date FROM workshop_attendees a JOIN workshops w ON w.id = a.workshop_id
  UNION ALL SELECT o.person_id, w.end_date FROM workshop_outcomes o JOIN workshops w ON w.id = o.workshop_id
  UNION ALL SELECT t.person_id, (t.created_at AT TIME ZONE $2)::date FROM trainers t
  UNION ALL SELECT t.person_id, a.accredited_to FROM trainers t JOIN trainer_accreditations a ON a.trainer_id = t.id
  UNION ALL SELECT t.person_id, w.end_date FROM trainers t JOIN workshops w ON w.trainer_id = t.id
  UNION ALL SELECT p.id, (u.disabled_at AT TIME ZONE $2)::date FROM users u JOIN people p ON lower(p.email) = lower(u.email)
  UNION ALL SELECT id, (created_at AT TIME ZONE $2)::date FROM people`;

/**
 * The people not yet anonymised whose every link has ended, the last before the cutoff ($1), with that
 * day, earliest first; $3: only this person (null: everyone).
 */
export const RETENTION_DUE = `
  WITH links AS (${PERSON_LINKS})
  SELECT p.id, p.name, max(l.ended)::text AS last_link_ended
    FROM people p JOIN links l ON l.person_id = p.id
   WHERE p.anonymised_at IS NULL AND ($3::uuid IS NULL OR p.id = $3)
   GROUP BY p.id
  HAVING bool_and(l.ended IS NOT NULL) AND max(l.ended) < $1::date
   ORDER BY max(l.ended), p.id`;

/** The tables RETENTION_DUE reads, by the slice that owns them. */
export const PERSON_LINK_TABLES = {
  registry: ['team_members', 'setting_staff', 'memberships', 'people'],
  training: ['workshop_attendees', 'workshops', 'workshop_outcomes', 'trainers', 'trainer_accreditations'],
  platform: ['users'],
} as const;
