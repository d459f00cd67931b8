import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CopyWriter } from '@npa/database';

/** Rows encoded and handed to the COPY stream at a time; progress is reported after each chunk. */
export const ROWS_PER_CHUNK = 5000;

/**
 * Inserts rows with PostgreSQL's COPY, in the caller's transaction, encoded a chunk at a time while
 * the server takes in the one before. Multi-row INSERTs (a parameter per cell, then a JSON array
 * per statement unpacked by jsonb_to_recordset) spent their time building and parsing statements; COPY
 * is what the import is measured against (README, Benchmarks). Ids are made by the caller when other
 * rows must point at them, so nothing needs RETURNING.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  onChunk: (inserted: number) => void = () => undefined,
): Promise<number> {
  if (rows.length === 0) return 0;
  const copy = new CopyWriter(manager, entity);
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    await copy.write(rows.slice(start, start + ROWS_PER_CHUNK));
    onChunk(copy.written);
  }
  return copy.end();
}
