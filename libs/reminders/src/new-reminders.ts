import type { EntityManager } from 'typeorm';
import { CopyWriter, isUniqueViolation } from '@npa/database';
import { reminderKey } from './finders/due-reminder';
import { Reminder } from './reminder.entity';
import type { LetteredReminder } from './reminder-letters';

/**
 * Stores the reminders not yet recorded under their keys, in the caller's transaction, and returns them.
 * The ones already recorded are looked up by their keys and left out; the rest go in with COPY. An
 * INSERT ... ON CONFLICT DO NOTHING unpacking them from one JSON array cost PostgreSQL two to three
 * times the CPU (README, Benchmarks). A key that another sweep has recorded but not yet committed is
 * not seen by the look-up and fails the COPY once theirs commits; `recordedOnce` then runs the
 * caller's transaction again, and this time the look-up sees it.
 */
export async function storeNew(manager: EntityManager, rows: LetteredReminder[]): Promise<LetteredReminder[]> {
  if (rows.length === 0) return [];
  // Each recorded key as reminderKey writes it.
  const recorded = await manager.query<{ key: string }[]>(
    `SELECT concat_ws(':', kind, subject_kind, subject_id, to_char(due_on, 'YYYY-MM-DD')) AS key FROM reminders
      WHERE (kind, subject_kind, subject_id, due_on) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::date[]))`,
    [rows.map((r) => r.kind), rows.map((r) => r.subjectKind), rows.map((r) => r.subjectId), rows.map((r) => r.dueOn)],
  );
  const seen = new Set(recorded.map((r) => r.key));
  const fresh: LetteredReminder[] = [];
  for (const row of rows) {
    const key = reminderKey(row);
    // A key found twice is stored once, the first time, as ON CONFLICT DO NOTHING would.
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(row);
  }
  const copy = new CopyWriter(manager, Reminder);
  await copy.write(fresh);
  await copy.end();
  return fresh;
}

/** Tries at a batch that keeps meeting other sweeps' new reminders; each try sees those the one before met. */
const TRIES = 3;

/** Runs `work` (a transaction storing reminders with `storeNew`) again when it met another sweep's reminder. */
export async function recordedOnce<T>(work: () => Promise<T>): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await work();
    } catch (error) {
      if (tried >= TRIES || !isUniqueViolation(error, 'reminders_key')) throw error;
    }
  }
}
