import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table imported (8 columns). */
export const ROWS_PER_STATEMENT = 1000;

/**
 * Multi-row INSERTs, a chunk per statement: one round trip per thousand rows rather than per row.
 * Ids are made by the caller when other rows must point at them, so nothing needs RETURNING.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  onChunk: (inserted: number) => void = () => undefined,
): Promise<number> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await manager.createQueryBuilder().insert().into(entity).values(chunk).updateEntity(false).execute();
    onChunk(start + chunk.length);
  }
  return rows.length;
}
