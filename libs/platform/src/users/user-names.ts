import type { EntityManager } from 'typeorm';

/** The names of these users (disabled ones too: a record keeps who made it), by id. */
export async function userNames(db: Pick<EntityManager, 'query'>, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; name: string }[]>('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
