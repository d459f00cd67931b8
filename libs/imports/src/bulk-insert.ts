import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
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

/**
 * One COPY into an entity's table, in the caller's transaction, fed rows as they come: the server takes
 * in each chunk while the caller makes the next. Columns no row sets get their defaults; a column with a
 * default that some rows set and others leave out is refused, since a missing key would be NULL, not its
 * default. A failure of the COPY (a unique index refusing a row, say) is kept and thrown by `end`, so the
 * caller can go on reading its file to report every problem with it.
 */
export class CopyWriter<T extends ObjectLiteral> {
  written = 0;
  private copy: CopyStreamQuery | null = null;
  private columns: ColumnMetadata[] = [];
  private error: Error | null = null;
  private readonly failed: Promise<never>;
  private fail: (error: Error) => void = () => undefined;

  constructor(
    private readonly manager: EntityManager,
    private readonly entity: EntityTarget<T>,
  ) {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('insertInChunks: run it in a transaction, so a failed file leaves nothing behind');
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
  }

  /** Hands the rows to the server, waiting only when it is behind. */
  async write(rows: readonly QueryDeepPartialEntity<T>[]): Promise<void> {
    if (rows.length === 0 || this.error) return;
    try {
      const copy = await this.open(rows);
      const csv = rows.map((row) => this.columns.map((c) => csvField(valueOf(c, row))).join(',')).join('\n') + '\n';
      if (!copy.write(csv)) await Promise.race([once(copy, 'drain'), this.failed]);
      this.written += rows.length;
    } catch (error) {
      this.error ??= error as Error;
    }
  }

  /** Finishes the COPY: the number of rows written, or the error that stopped it. */
  async end(): Promise<number> {
    if (this.copy && !this.error) {
      this.copy.end();
      await Promise.race([once(this.copy, 'finish'), this.failed]).catch((error: Error) => (this.error ??= error));
    }
    if (this.error) throw this.error;
    return this.written;
  }

  /** Stops the COPY without its rows (the server is told to drop them); the transaction is then only fit to roll back. */
  async abandon(): Promise<void> {
    if (!this.copy || this.error) return;
    this.error = new Error('insertInChunks: abandoned');
    // The server answers the CopyFail with an error, or with the error it was already sending: either way
    // the stream closes, and that is all that is waited for.
    const copy = this.copy;
    await new Promise<void>((resolve) => {
      copy.once('close', () => resolve());
      copy.destroy();
    });
  }

  private async open(rows: readonly QueryDeepPartialEntity<T>[]): Promise<CopyStreamQuery> {
    const metadata = this.manager.connection.getMetadata(this.entity);
    const columns = setColumns(metadata.columns, rows);
    if (this.copy) {
      if (columns.map((c) => c.databaseName).join() !== this.columns.map((c) => c.databaseName).join())
        throw new Error(`insertInChunks: rows of one COPY into ${metadata.tableName} set different columns`);
      return this.copy;
    }
    const driver = this.manager.connection.driver;
    const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
    const client = (await (this.manager.queryRunner as PostgresQueryRunner).connect()) as PoolClient;
    this.columns = columns;
    this.copy = client.query(copyFrom(`COPY ${driver.escape(metadata.tableName)} (${names}) FROM STDIN WITH (FORMAT csv)`));
    this.copy.on('error', (error: Error) => {
      this.error ??= error;
      this.fail(error);
    });
    return this.copy;
  }
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
