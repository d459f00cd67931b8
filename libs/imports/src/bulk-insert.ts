import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Rows encoded and handed to the COPY stream at a time; progress is reported after each chunk. */
export const ROWS_PER_CHUNK = 5000;

/**
 * Inserts rows with PostgreSQL's COPY, in the caller's transaction, encoded as CSV a chunk at a time
 * while the server takes in the one before. Multi-row INSERTs (a parameter per cell, then a JSON array
 * per statement unpacked by jsonb_to_recordset) spent their time building and parsing statements; COPY
 * is what the import is measured against (README, Benchmarks). Ids are made by the caller when other
 * rows must point at them, so nothing needs RETURNING. Columns no row sets get their defaults; a column
 * with a default that some rows set and others leave out is refused, since a missing key would be NULL,
 * not its default.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  onChunk: (inserted: number) => void = () => undefined,
): Promise<number> {
  if (rows.length === 0) return 0;
  if (!manager.queryRunner?.isTransactionActive) throw new Error('insertInChunks: run it in a transaction, so a failed file leaves nothing behind');
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = setColumns(metadata.columns, rows);
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const client = (await (manager.queryRunner as PostgresQueryRunner).connect()) as PoolClient;
  const copy = client.query(copyFrom(`COPY ${driver.escape(metadata.tableName)} (${names}) FROM STDIN WITH (FORMAT csv)`));
  const failed = once(copy, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    const chunk = rows.slice(start, start + ROWS_PER_CHUNK);
    const csv = chunk.map((row) => columns.map((c) => csvField(valueOf(c, row))).join(',')).join('\n') + '\n';
    // Wait for the server only when the stream asks: the next chunk is encoded while this one goes in.
    if (!copy.write(csv)) await Promise.race([once(copy, 'drain'), failed]);
    onChunk(start + chunk.length);
  }
  copy.end();
  await Promise.race([once(copy, 'finish'), failed]);
  return rows.length;
}

/** The columns some row sets, once each (a relation's join column and its id property are one column). */
function setColumns(all: ColumnMetadata[], rows: readonly ObjectLiteral[]): ColumnMetadata[] {
  const byName = new Map<string, ColumnMetadata>();
  for (const column of all) {
    const setBy = rows.filter((row) => column.getEntityValue(row) !== undefined).length;
    // A version column has no default in the table: TypeORM writes 1 on insert, and so does valueOf.
    if ((setBy === 0 && !column.isVersion) || byName.has(column.databaseName)) continue;
    const hasDefault = column.default !== undefined || column.isGenerated || column.isCreateDate || column.isUpdateDate;
    if (hasDefault && setBy < rows.length) throw new Error(`insertInChunks: ${column.databaseName} is set in some rows and left to its default in others`);
    byName.set(column.databaseName, column);
  }
  return [...byName.values()];
}

const valueOf = (column: ColumnMetadata, row: ObjectLiteral): unknown => column.getEntityValue(row, true) ?? (column.isVersion ? 1 : undefined);

/**
 * One value as a CSV field COPY reads back as itself: NULL is the empty unquoted field, so every text
 * is quoted (an empty string stays an empty string) with its quotes doubled; dates go as ISO instants.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  throw new Error(`insertInChunks: cannot write ${Object.prototype.toString.call(value)} values with COPY`);
}
