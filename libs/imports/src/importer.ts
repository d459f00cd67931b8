import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { IsoDate, Outbox } from '@npa/platform';
import { CopyWriter } from '@npa/database';
import { insertInChunks, ROWS_PER_CHUNK } from './bulk-insert';
import type { Parsed } from './cell-reader';
import type { Cells, CsvRecord } from './csv-table';
import type { Numbered } from './file.rules';
import type { ImportProblem } from './import-kinds';

export type ImportPhase = 'checking' | 'saving';
export type Progress = (phase: ImportPhase, done: number, total: number) => void;

export interface ImportContext {
  today: IsoDate;
  /** Recorded as who entered historic records (outcomes, sessions); null from the command line. */
  actorId: string | null;
  progress: Progress;
  /** For work that follows the saved rows after commit: the certificate letters of imported completions. */
  outbox: Outbox;
}

export interface Saved {
  created: number;
  /** Workshop completions only: attendees not yet on the register, added as people. */
  peopleCreated?: number;
}

/** What the register says about the file's rows, and how to write them once nothing is wrong. */
export interface Checked {
  problems: ImportProblem[];
  save(): Promise<Saved>;
}

/**
 * One kind of file: a pure reading of each row, the checks the file can make of itself, and the
 * checks that need the register, which look up every row's references at once, never row by row.
 */
export interface ImporterDefinition<Row> {
  parseRow(cells: Cells, today: IsoDate): Parsed<Row>;
  withinFile(rows: readonly Numbered<Row>[]): ImportProblem[];
  check(manager: EntityManager, rows: readonly Numbered<Row>[], context: ImportContext): Promise<Checked>;
}

export interface ReadRows {
  problems: ImportProblem[];
  check(manager: EntityManager, context: ImportContext): Promise<Checked>;
}

/** A real run's outcome when the rows were written as the file was read: nothing was kept if there are problems. */
export interface Written {
  problems: ImportProblem[];
  created: number;
}

export interface Importer {
  read(records: readonly CsvRecord[], today: IsoDate): ReadRows;
  /**
   * Kinds of independent new records only: a real run that reads, checks and writes the file in one
   * pass, `writing` in the import's transaction, the register read through `register`, outside it.
   */
  writeWhileReading?(writing: EntityManager, register: EntityManager, records: readonly CsvRecord[], context: ImportContext): Promise<Written>;
}

/** Hides each kind's row type behind one shape, so the service handles every kind alike. */
export function defineImporter<Row>(definition: ImporterDefinition<Row>): Importer {
  return {
    read(records, today) {
      const { rows, problems } = parseRows(definition, records, today);
      problems.push(...definition.withinFile(rows));
      return { problems, check: (manager, context) => definition.check(manager, rows, context) };
    },
  };
}

function parseRows<Row>(
  definition: Pick<ImporterDefinition<Row>, 'parseRow'>,
  records: readonly CsvRecord[],
  today: IsoDate,
  into: { rows: Numbered<Row>[]; problems: ImportProblem[] } = { rows: [], problems: [] },
) {
  for (const { row, cells } of records) {
    const parsed = definition.parseRow(cells, today);
    if (parsed.value === null) into.problems.push(...parsed.problems.map((p) => ({ row, ...p })));
    else into.rows.push({ row, value: parsed.value });
  }
  return into;
}

/**
 * A kind of file whose every row is one new record of one table, whatever the other rows say: new
 * people, new settings. What the register says about the rows is read from committed data only, so it
 * means the same before the rows are written as after.
 */
export interface RecordsDefinition<Row, T extends ObjectLiteral> {
  parseRow(cells: Cells, today: IsoDate): Parsed<Row>;
  withinFile(rows: readonly Numbered<Row>[]): ImportProblem[];
  onRegister(manager: EntityManager, rows: readonly Numbered<Row>[]): Promise<ImportProblem[]>;
  entity: EntityTarget<T>;
  recordOf(row: Row): QueryDeepPartialEntity<T>;
}

/**
 * An importer of independent new records. A dry run reads and checks as every kind does. A real run
 * writes each chunk of good rows with COPY while the next is read, so the server's writing overlaps
 * the reading (README, Benchmarks); at the first problem it stops writing and drops what it wrote,
 * and goes on reading to report every problem.
 */
export function defineRecordImporter<Row, T extends ObjectLiteral>(definition: RecordsDefinition<Row, T>): Importer {
  const records = (rows: readonly Numbered<Row>[]) => rows.map(({ value }) => definition.recordOf(value));
  return {
    ...defineImporter<Row>({
      ...definition,
      async check(manager, rows, { progress }) {
        return {
          problems: await definition.onRegister(manager, rows),
          save: async () => ({ created: await insertInChunks(manager, definition.entity, records(rows), (done) => progress('saving', done, rows.length)) }),
        };
      },
    }),

    async writeWhileReading(writing, register, all, { today, progress }) {
      const copy = new CopyWriter(writing, definition.entity);
      const read = { rows: [] as Numbered<Row>[], problems: [] as ImportProblem[] };
      for (let start = 0; start < all.length; start += ROWS_PER_CHUNK) {
        const before = read.rows.length;
        parseRows(definition, all.slice(start, start + ROWS_PER_CHUNK), today, read);
        if (read.problems.length === 0) await copy.write(records(read.rows.slice(before)));
        progress(read.problems.length === 0 ? 'saving' : 'checking', Math.min(start + ROWS_PER_CHUNK, all.length), all.length);
        // The socket takes the chunk only when the event loop turns; the next chunk is read meanwhile.
        await yieldToIo();
      }
      read.problems.push(...definition.withinFile(read.rows), ...(await definition.onRegister(register, read.rows)));
      if (read.problems.length > 0) {
        await copy.abandon();
        return { problems: read.problems, created: 0 };
      }
      return { problems: [], created: await copy.end() };
    },
  };
}
