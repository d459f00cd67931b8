import type { IsoDate } from '@npa/platform';
import type { ImportProblem } from './import-kinds';

export interface Numbered<T> {
  row: number;
  value: T;
}

export interface Period {
  start: IsoDate;
  end: IsoDate | null;
}

const OPEN_END = '9999-12-31';

/** Both ends included, an open end runs for ever: the same test as the team and membership routes. */
export const overlaps = (a: Period, b: Period) => a.start <= (b.end ?? OPEN_END) && b.start <= (a.end ?? OPEN_END);

/**
 * A row repeating an earlier row's key (the same email twice, say). The later row carries the problem:
 * the first one is what the author most likely meant, and the message points back to it.
 */
export function repeatedRows<T>(rows: readonly Numbered<T>[], keyOf: (value: T) => string, column: string, label: (value: T) => string): ImportProblem[] {
  const firstRow = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const { row, value } of rows) {
    const key = keyOf(value);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row);
    else problems.push({ row, column, problem: `${label(value)} is already on row ${first} of this file` });
  }
  return problems;
}

export type Clash = { row: number } | { period: Period };

/**
 * Rows whose period overlaps, for the same key (a person in a service, a person's membership), one
 * already on the register or an earlier row of the file. Periods per key are few, so pairs are fine.
 */
export function overlappingPeriods<T>(
  rows: readonly Numbered<T>[],
  keyOf: (value: T) => string,
  periodOf: (value: T) => Period,
  existing: ReadonlyMap<string, readonly Period[]>,
  column: string,
  explain: (value: T, clash: Clash) => string,
): ImportProblem[] {
  const earlier = new Map<string, Numbered<Period>[]>();
  const problems: ImportProblem[] = [];
  for (const { row, value } of rows) {
    const key = keyOf(value);
    const period = periodOf(value);
    const onRegister = existing.get(key)?.find((p) => overlaps(p, period));
    const inFile = earlier.get(key)?.find((p) => overlaps(p.value, period));
    if (onRegister) problems.push({ row, column, problem: explain(value, { period: onRegister }) });
    else if (inFile) problems.push({ row, column, problem: explain(value, { row: inFile.row }) });
    const seen = earlier.get(key);
    if (seen) seen.push({ row, value: period });
    else earlier.set(key, [{ row, value: period }]);
  }
  return problems;
}

export const describePeriod = (p: Period) => (p.end ? `from ${p.start} to ${p.end}` : `from ${p.start}, still open`);

/** How many data rows have no problem at all; file-level problems (row 1) spoil none in particular. */
export function countValid(rows: number, problems: readonly ImportProblem[]): number {
  return rows - new Set(problems.filter((p) => p.row > 1).map((p) => p.row)).size;
}
