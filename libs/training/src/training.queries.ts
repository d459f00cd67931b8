import { EntityManager, In } from 'typeorm';
import type { Actor } from '@npa/platform';
import { findPersonByEmail } from '@npa/registry';
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

/** A trainer-role user is linked to their trainer record by email (API.md, POST /users). */
export async function trainerOfActor(manager: EntityManager, actor: Actor): Promise<Trainer | null> {
  if (actor.role !== 'trainer') return null;
  const person = await findPersonByEmail(manager, actor.email);
  return person ? manager.findOneBy(Trainer, { personId: person.id }) : null;
}
