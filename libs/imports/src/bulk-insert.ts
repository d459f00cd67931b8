import { TableColumn, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { TableUtils } from 'typeorm/schema-builder/util/TableUtils';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Rows per INSERT: each statement is one JSON parameter, so its size, not PostgreSQL's parameter limit, sets this. */
export const ROWS_PER_STATEMENT = 5000;

/**
 * Inserts rows a chunk per statement, each chunk sent as one JSON array that PostgreSQL unpacks with
 * `jsonb_to_recordset` into the entity's own column types. A multi-row VALUES list with a parameter per
 * cell (the query builder's insert) cost most of an import's time in building the statement and in
 * PostgreSQL parsing it (README, Benchmarks). Ids are made by the caller when other rows must point at
 * them, so nothing needs RETURNING. Columns no row sets get their defaults; a column with a default that
 * some rows set and others leave out is refused, since a missing key would be NULL, not its default.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  onChunk: (inserted: number) => void = () => undefined,
): Promise<number> {
  if (rows.length === 0) return 0;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = setColumns(metadata.columns, rows);
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  // Each column's full SQL type as the schema builder writes it (numeric(4,3), timestamp with time zone...).
  const shape = columns
    .map((c) => `${driver.escape(c.databaseName)} ${driver.createFullType(new TableColumn(TableUtils.createTableColumnOptions(c, driver)))}`)
    .join(', ');
  const sql = `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${shape})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const json = chunk.map((row) => Object.fromEntries(columns.map((c) => [c.databaseName, valueOf(c, row)])));
    await manager.query(sql, [JSON.stringify(json)]);
    onChunk(start + chunk.length);
  }
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
