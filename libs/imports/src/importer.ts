import type { EntityManager } from 'typeorm';
import type { IsoDate, Outbox } from '@npa/platform';
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

export interface Importer {
  read(records: readonly CsvRecord[], today: IsoDate): ReadRows;
}

/** Hides each kind's row type behind one shape, so the service handles every kind alike. */
export function defineImporter<Row>(definition: ImporterDefinition<Row>): Importer {
  return {
    read(records, today) {
      const rows: Numbered<Row>[] = [];
      const problems: ImportProblem[] = [];
      for (const { row, cells } of records) {
        const parsed = definition.parseRow(cells, today);
        if (parsed.value === null) problems.push(...parsed.problems.map((p) => ({ row, ...p })));
        else rows.push({ row, value: parsed.value });
      }
      problems.push(...definition.withinFile(rows));
      return { problems, check: (manager, context) => definition.check(manager, rows, context) };
    },
  };
}
