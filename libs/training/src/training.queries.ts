import { EntityManager, In } from 'typeorm';
import type { Actor } from '@npa/platform';
import { Accreditation } from './accreditation.entity';
import { Trainer } from './trainer.entity';

/** Every period of these trainers in one query, grouped by trainer. */
export async function accreditationsOf(manager: EntityManager, trainerIds: string[]): Promise<Map<string, Accreditation[]>> {
  const byTrainer = new Map<string, Accreditation[]>(trainerIds.map((id) => [id, []]));
  if (trainerIds.length === 0) return byTrainer;
  const rows = await manager.find(Accreditation, { where: { trainerId: In(trainerIds) }, order: { accreditedFrom: 'ASC', accreditedTo: 'ASC' } });
  for (const row of rows) byTrainer.get(row.trainerId)?.push(row);
  return byTrainer;
}

/** A trainer-role user's trainer record: the one linked to their account by id (trainer-accounts.ts). */
export async function trainerOfActor(manager: EntityManager, actor: Actor): Promise<Trainer | null> {
  if (actor.role !== 'trainer') return null;
  return manager.findOneBy(Trainer, { userId: actor.id });
}

/** The trainer records of these people or user accounts. */
export async function trainerIdsOf(manager: EntityManager, of: { personIds: string[]; userIds?: string[] }): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>('SELECT id::text FROM trainers WHERE person_id = ANY($1::uuid[]) OR user_id = ANY($2::uuid[])', [
    of.personIds,
    of.userIds ?? [],
  ]);
  return rows.map((r) => r.id);
}

/**
 * Whether the completion a certificate code names still stands: not corrected by a later outcome, and
 * its workshop not waiting for the NPA to confirm it. null: no completion has this code.
 */
export async function certificateStanding(
  manager: EntityManager,
  code: string,
): Promise<{ superseded: boolean; supersededAt: Date | null; awaiting: boolean } | null> {
  const [row] = await manager.query<{ superseded_at: Date | null; awaiting: boolean }[]>(
    `SELECT (SELECT n.recorded_at FROM workshop_outcomes n WHERE n.supersedes_id = o.id) AS superseded_at, w.awaiting_confirmation AS awaiting
       FROM workshop_outcomes o JOIN workshops w ON w.id = o.workshop_id WHERE o.certificate_code = $1`,
    [code],
  );
  return row ? { superseded: row.superseded_at !== null, supersededAt: row.superseded_at, awaiting: row.awaiting } : null;
}

export interface WorkshopDates {
  id: string;
  trainerId: string;
  startDate: string;
  endDate: string;
}

/** These workshops' trainers and days, by id. */
export async function workshopDates(manager: EntityManager, ids: readonly string[]): Promise<Map<string, WorkshopDates>> {
  const given = [...new Set(ids)];
  const rows: WorkshopDates[] = given.length
    ? await manager.query(
        `SELECT id, trainer_id AS "trainerId", start_date::text AS "startDate", end_date::text AS "endDate" FROM workshops WHERE id = ANY($1::uuid[])`,
        [given],
      )
    : [];
  return new Map(rows.map((w) => [w.id, w]));
}

/** The outcome that stands now (no later row supersedes it) for any of these people at any of these workshops. */
export async function standingOutcomes(
  manager: EntityManager,
  workshopIds: readonly string[],
  personIds: readonly string[],
): Promise<{ workshopId: string; personId: string; outcome: string }[]> {
  if (workshopIds.length === 0 || personIds.length === 0) return [];
  return manager.query(
    `SELECT o.workshop_id AS "workshopId", o.person_id AS "personId", o.outcome FROM workshop_outcomes o
      WHERE o.workshop_id = ANY($1::uuid[]) AND o.person_id = ANY($2::uuid[])
        AND NOT EXISTS (SELECT 1 FROM workshop_outcomes later WHERE later.supersedes_id = o.id)`,
    [[...new Set(workshopIds)], [...new Set(personIds)]],
  );
}

/** Which of these people attend which of these workshops. */
export async function attendances(
  manager: EntityManager,
  workshopIds: readonly string[],
  personIds: readonly string[],
): Promise<{ workshopId: string; personId: string }[]> {
  if (workshopIds.length === 0 || personIds.length === 0) return [];
  return manager.query(
    `SELECT workshop_id AS "workshopId", person_id AS "personId" FROM workshop_attendees WHERE workshop_id = ANY($1::uuid[]) AND person_id = ANY($2::uuid[])`,
    [[...new Set(workshopIds)], [...new Set(personIds)]],
  );
}
