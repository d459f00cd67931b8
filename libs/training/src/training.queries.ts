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
export async function certificateStanding(manager: EntityManager, code: string): Promise<{ superseded: boolean; awaiting: boolean } | null> {
  const [row] = await manager.query<{ superseded: boolean; awaiting: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM workshop_outcomes n WHERE n.supersedes_id = o.id) AS superseded, w.awaiting_confirmation AS awaiting
       FROM workshop_outcomes o JOIN workshops w ON w.id = o.workshop_id WHERE o.certificate_code = $1`,
    [code],
  );
  return row ?? null;
}
