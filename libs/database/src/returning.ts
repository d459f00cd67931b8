import type { EntityManager } from 'typeorm';

/**
 * The rows a statement's RETURNING clause gave back. TypeORM answers an UPDATE or DELETE on PostgreSQL
 * with `[rows, rowCount]` but an INSERT with the rows alone; code that claims a row by updating it must
 * see the rows either way, or every claim would look won.
 */
export async function returning<T>(db: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
