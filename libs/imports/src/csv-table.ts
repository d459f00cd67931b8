import { CsvError, parse } from 'csv-parse/sync';
import type { ColumnSpec, ImportProblem } from './import-kinds';

export type Cells = Readonly<Record<string, string>>;

export interface CsvRecord {
  row: number;
  cells: Cells;
}

export interface CsvTable {
  /** Data rows that have something in them; blank rows are skipped but keep their numbers. */
  records: CsvRecord[];
  /** Problems with the file itself or its header: when there are any, no row is read. */
  problems: ImportProblem[];
}

/** Spreadsheets write "Start Date" or "start-date" as readily as start_date; all three mean the same column. */
export const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Reads CSV text into cells by column name. Rows are numbered as a spreadsheet shows them (the header
 * is row 1), counting records, not lines, so a quoted cell with a line break does not shift them.
 */
export function readTable(text: string, spec: ColumnSpec, kindName: string): CsvTable {
  let grid: string[][];
  try {
    grid = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.records === 'number' ? error.records + 1 : 1;
    return { records: [], problems: [{ row, column: null, problem: `is not valid CSV: ${error.message}` }] };
  }
  const [header, ...rows] = grid;
  if (!header || header.every((name) => name === '')) {
    return { records: [], problems: [{ row: 1, column: null, problem: `is empty: the first row must name the columns (${spec.required.join(', ')})` }] };
  }
  const columns = header.map(normaliseHeader);
  const problems = headerProblems(columns, spec, kindName);
  if (problems.length > 0) return { records: [], problems };

  const records: CsvRecord[] = [];
  rows.forEach((fields, index) => {
    const row = index + 2;
    if (fields.every((field) => field === '')) return;
    if (fields.length !== columns.length) {
      problems.push({ row, column: null, problem: `has ${fields.length} cells; the header has ${columns.length}` });
      return;
    }
    records.push({ row, cells: Object.fromEntries(columns.map((column, i) => [column, fields[i]])) });
  });
  return { records, problems };
}

function headerProblems(columns: string[], spec: ColumnSpec, kindName: string): ImportProblem[] {
  const known = [...spec.required, ...spec.optional];
  const problems: ImportProblem[] = [];
  columns.forEach((column, i) => {
    if (column === '') problems.push({ row: 1, column: `column ${i + 1}`, problem: 'has no name' });
    else if (!known.includes(column))
      problems.push({ row: 1, column, problem: `is not a column of a ${kindName} import; the columns are ${known.join(', ')}` });
    else if (columns.indexOf(column) !== i) problems.push({ row: 1, column, problem: 'appears twice in the header' });
  });
  for (const column of spec.required) {
    if (!columns.includes(column)) problems.push({ row: 1, column, problem: 'is missing from the header' });
  }
  return problems;
}
