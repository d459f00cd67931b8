import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** A row as an entity's properties: an import's, or an entity with JSON of its own kind (a snapshot's results). */
type Row<T> = QueryDeepPartialEntity<T> | Partial<T>;

/**
 * One COPY into an entity's table, in the caller's transaction, fed rows as they come: the server takes
 * in each chunk while the caller makes the next. COPY is the cheapest way in for many rows: no statement
 * to build or parse, and a JSON column's text is read once, not unpacked from a JSON array of rows
 * (README, Benchmarks). Columns no row sets get their defaults; a column with a
 * default that some rows set and others leave out is refused, since a missing key would be NULL, not its
 * default. A failure of the COPY (a unique index refusing a row, say) is kept and thrown by `end`, so the
 * caller can go on reading its file to report every problem with it.
 */
export class CopyWriter<T extends ObjectLiteral> {
  written = 0;
  private copy: CopyStreamQuery | null = null;
  private columns: ColumnMetadata[] = [];
  /** A row's line of COPY text, its columns' fields in order (made when the COPY opens). */
  private line: (row: Row<T>) => string = () => '';
  private error: Error | null = null;
  private readonly failed: Promise<never>;
  private fail: (error: Error) => void = () => undefined;

  constructor(
    private readonly manager: EntityManager,
    private readonly entity: EntityTarget<T>,
  ) {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('CopyWriter: run it in a transaction, so a failure leaves nothing behind');
    this.failed = new Promise<never>((_, reject) => (this.fail = reject));
    this.failed.catch(() => undefined);
  }

  /** Hands the rows to the server, waiting only when it is behind. */
  async write(rows: readonly Row<T>[]): Promise<void> {
    if (rows.length === 0 || this.error) return;
    try {
      const copy = await this.open(rows);
      const text = copyText(rows, this.line);
      if (!copy.write(text)) await Promise.race([once(copy, 'drain'), this.failed]);
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
    this.error = new Error('CopyWriter: abandoned');
    // The server answers the CopyFail with an error, or with the error it was already sending: either way
    // the stream closes, and that is all that is waited for.
    const copy = this.copy;
    await new Promise<void>((resolve) => {
      copy.once('close', () => resolve());
      copy.destroy();
    });
  }

  private async open(rows: readonly Row<T>[]): Promise<CopyStreamQuery> {
    const metadata = this.manager.connection.getMetadata(this.entity);
    const columns = setColumns(metadata.columns, rows);
    if (this.copy) {
      if (columns.map((c) => c.databaseName).join() !== this.columns.map((c) => c.databaseName).join())
        throw new Error(`CopyWriter: rows of one COPY into ${metadata.tableName} set different columns`);
      return this.copy;
    }
    const driver = this.manager.connection.driver;
    const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
    const client = (await (this.manager.queryRunner as PostgresQueryRunner).connect()) as PoolClient;
    this.columns = columns;
    this.line = lineOf(columns);
    this.copy = client.query(copyFrom(`COPY ${driver.escape(metadata.tableName)} (${names}) FROM STDIN`));
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
    const value = valueOf(column, false);
    let setBy = 0;
    for (const row of rows) if (value(row) !== undefined) setBy += 1;
    // A version column has no default in the table: TypeORM writes 1 on insert, and so does lineOf.
    if ((setBy === 0 && !column.isVersion) || byName.has(column.databaseName)) continue;
    const hasDefault = column.default !== undefined || column.isGenerated || column.isCreateDate || column.isUpdateDate;
    if (hasDefault && setBy < rows.length) throw new Error(`CopyWriter: ${column.databaseName} is set in some rows and left to its default in others`);
    byName.set(column.databaseName, column);
  }
  return [...byName.values()];
}

/**
 * A column's value in a row. A plain column (no embedded, relation or transformer) is its property, read
 * directly, not through TypeORM's getEntityValue, which every column of every row went through twice, to
 * count the columns set and to write them (README, Benchmarks). `transform`: through the column's
 * transformer, as TypeORM writes it.
 */
function valueOf(column: ColumnMetadata, transform: boolean): (row: ObjectLiteral) => unknown {
  const plain = !column.embeddedMetadata && !column.relationMetadata && !column.referencedColumn && !column.transformer;
  const name = column.propertyName;
  return plain ? (row): unknown => row[name] : (row): unknown => column.getEntityValue(row, transform);
}

/** A row's line: each column's field, tab-separated. */
function lineOf(columns: ColumnMetadata[]): (row: ObjectLiteral) => string {
  const fields = columns.map((column) => {
    const json = column.type === 'json' || column.type === 'jsonb';
    const value = valueOf(column, true);
    return column.isVersion ? (row: ObjectLiteral) => copyField(value(row) ?? 1, json) : (row: ObjectLiteral) => copyField(value(row), json);
  });
  return (row) => {
    let line = fields[0](row);
    for (let i = 1; i < fields.length; i++) line += '\t' + fields[i](row);
    return line;
  };
}

/** Characters of COPY text made into bytes at a time. */
const PART_CHARS = 64 * 1024;

/**
 * The rows' lines as bytes, made a part of about 64 kB at a time. Joined into one string first, a chunk of
 * a sweep's snapshots (250 rows, ~0.8 MB) took ten times as long: V8 appends to a short string cheaply
 * but copies strings of megabytes slowly (README, Benchmarks).
 */
export function copyText<R>(rows: readonly R[], line: (row: R) => string): Buffer {
  const parts: Buffer[] = [];
  let part = '';
  for (const row of rows) {
    part += line(row) + '\n';
    if (part.length >= PART_CHARS) {
      parts.push(Buffer.from(part));
      part = '';
    }
  }
  if (part) parts.push(Buffer.from(part));
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/** What COPY's text format escapes in a value: its own escape character and its row and field separators. */
const ESCAPED = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One value as a field of COPY's text format, which reads it back as that value: NULL is `\N`, and text
 * has its backslashes, tabs and line breaks escaped (JSON text has none but backslashes, and those few);
 * dates go as ISO instants, and a JSON column's value as its JSON text.
 */
export function copyField(value: unknown, json = false): string {
  if (value === null || value === undefined) return '\\N';
  // JSON text escapes its own line breaks and tabs: a backslash is all it can hold that COPY would read.
  if (json) {
    const text = JSON.stringify(value);
    return text.includes('\\') ? text.replaceAll('\\', '\\\\') : text;
  }
  if (typeof value === 'string') return escaped(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  throw new Error(`CopyWriter: cannot write ${Object.prototype.toString.call(value)} values with COPY`);
}

const escaped = (text: string) => (text.search(ESCAPED) === -1 ? text : text.replace(ESCAPED, (c) => ESCAPES[c]));
