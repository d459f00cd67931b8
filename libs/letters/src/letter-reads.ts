import type { DataSource } from 'typeorm';
import { prepared } from '@npa/platform';
import type { Letter } from './letter.entity';
import type { MailDelivery } from './mail-delivery.entity';

// Every letter and every email is read by id two or three times on its way out (compose, deliver, the
// check before sending): prepared statements, not the query builder, which cost a tenth of the worker's
// time in the reminders bench (README, Benchmarks). Columns are aliased to the entities' property names.

const LETTER_COLUMNS = `id, kind, subject_kind AS "subjectKind", subject_id AS "subjectId", subject_name AS "subjectName",
  dedupe_key AS "dedupeKey", verification_code AS "verificationCode", template_version AS "templateVersion", data, recipients,
  html_key AS "htmlKey", pdf_key AS "pdfKey", rendered_at AS "renderedAt", reminder_id AS "reminderId",
  parameter_version AS "parameterVersion", created_by AS "createdBy", created_at AS "createdAt"`;
const LETTER = `SELECT ${LETTER_COLUMNS} FROM letters WHERE id = $1`;
const LETTERS = `SELECT ${LETTER_COLUMNS} FROM letters WHERE id = ANY($1::uuid[])`;

const DELIVERY_COLUMNS = `id, letter_id AS "letterId", state, recipients, subject, attempts, message_id AS "messageId", reason,
  claimed_at AS "claimedAt", data_started_at AS "dataStartedAt", sent_at AS "sentAt", created_at AS "createdAt"`;
const DELIVERY = `SELECT ${DELIVERY_COLUMNS} FROM mail_deliveries WHERE letter_id = $1`;
const DELIVERIES = `SELECT ${DELIVERY_COLUMNS} FROM mail_deliveries WHERE letter_id = ANY($1::uuid[])`;

export async function findLetter(dataSource: DataSource, id: string): Promise<Letter | null> {
  const [row] = await prepared<Letter>(dataSource, 'letters.by-id', LETTER, [id]);
  return row ?? null;
}

/** Letters asked for together, composed by one job; an id with no letter is left out. */
export async function findLetters(dataSource: DataSource, ids: string[]): Promise<Letter[]> {
  return prepared<Letter>(dataSource, 'letters.by-ids', LETTERS, [ids]);
}

export async function findDelivery(dataSource: DataSource, letterId: string): Promise<MailDelivery | null> {
  const [row] = await prepared<MailDelivery>(dataSource, 'letters.delivery-by-letter', DELIVERY, [letterId]);
  return row ?? null;
}

/** The emails of letters sent by one job; a letter with no delivery is left out. */
export async function findDeliveries(dataSource: DataSource, letterIds: string[]): Promise<MailDelivery[]> {
  return prepared<MailDelivery>(dataSource, 'letters.deliveries-by-letters', DELIVERIES, [letterIds]);
}
