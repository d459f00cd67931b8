import type { DataSource } from 'typeorm';
import { prepared } from '@npa/platform';
import type { Reminder } from './reminder.entity';

/** A reminder's columns under its entity's names, for a SELECT or a RETURNING. */
export const REMINDER_COLUMNS = `id, kind, subject_kind AS "subjectKind", subject_id AS "subjectId", due_on::text AS "dueOn",
  organisation_kind AS "organisationKind", organisation_id AS "organisationId", recipients, facts, state, reason,
  letter_id AS "letterId", sent_at AS "sentAt", parameter_version AS "parameterVersion", created_at AS "createdAt"`;

const BY_ID = `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = $1`;
const BY_IDS = `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = ANY($1::uuid[])`;

/** One reminder by id, read twice on its way out (prepare, and the check before sending): a prepared statement. */
export async function findReminder(dataSource: DataSource, id: string): Promise<Reminder | null> {
  const [row] = await prepared<Reminder>(dataSource, 'reminders.by-id', BY_ID, [id]);
  return row ?? null;
}

/** Reminders read together (the emails of one delivery job); an id with no reminder is left out. */
export async function findReminders(dataSource: DataSource, ids: string[]): Promise<Reminder[]> {
  return ids.length === 0 ? [] : prepared<Reminder>(dataSource, 'reminders.by-ids', BY_IDS, [ids]);
}
