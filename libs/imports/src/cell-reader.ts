import { isEmail } from 'class-validator';
import { isUuid, isIsoDate, type IsoDate } from '@npa/platform';
import { normaliseEmail } from '@npa/registry';
import type { Cells } from './csv-table';

export interface CellProblem {
  column: string;
  problem: string;
}

const quoted = (value: string) => `"${value}"`;

export type Parsed<T> = { value: T; problems: [] } | { value: null; problems: CellProblem[] };

/**
 * Reads one row's cells the way the API's validation reads a JSON body (the same limits and wording),
 * collecting every problem instead of stopping at the first, so a file is fixed in one pass.
 * A cell that fails gives a placeholder; `result` then returns the problems, never the placeholder.
 */
export class CellReader {
  private readonly problems: CellProblem[] = [];

  constructor(private readonly cells: Cells) {}

  result<T>(value: T): Parsed<T> {
    return this.problems.length === 0 ? { value, problems: [] } : { value: null, problems: this.problems };
  }

  fail(column: string, problem: string): void {
    this.problems.push({ column, problem });
  }

  has(column: string): boolean {
    return (this.cells[column] ?? '') !== '';
  }

  text(column: string, maxLength: number): string {
    const value = this.cells[column] ?? '';
    if (value === '') this.fail(column, 'is empty');
    else if (value.length > maxLength) this.fail(column, `is longer than ${maxLength} characters`);
    return value;
  }

  optionalText(column: string, maxLength: number): string | null {
    return this.has(column) ? this.text(column, maxLength) : null;
  }

  email(column: string): string {
    const value = normaliseEmail(this.cells[column] ?? '');
    if (value === '') this.fail(column, 'is empty');
    else if (value.length > 254 || !isEmail(value)) this.fail(column, `"${value}" is not a valid email address`);
    return value;
  }

  /** Several addresses in one cell, separated by ";" (a comma would split the CSV cell itself). */
  emailList(column: string, max: number): string[] {
    const emails = (this.cells[column] ?? '')
      .split(';')
      .map(normaliseEmail)
      .filter((email) => email !== '');
    if (emails.length === 0) this.fail(column, 'is empty');
    if (emails.length > max) this.fail(column, `names ${emails.length} people; at most ${max}`);
    const seen = new Set<string>();
    for (const email of emails) {
      if (email.length > 254 || !isEmail(email)) this.fail(column, `"${email}" is not a valid email address`);
      else if (seen.has(email.toLowerCase())) this.fail(column, `names ${email} twice`);
      seen.add(email.toLowerCase());
    }
    return emails;
  }

  date(column: string): IsoDate {
    const value = this.cells[column] ?? '';
    if (value === '') this.fail(column, 'is empty');
    else if (!isIsoDate(value)) this.fail(column, `${quoted(value)} is not a date written YYYY-MM-DD`);
    return value;
  }

  optionalDate(column: string): IsoDate | null {
    return this.has(column) ? this.date(column) : null;
  }

  uuid(column: string): string {
    const value = (this.cells[column] ?? '').toLowerCase();
    if (value === '') this.fail(column, 'is empty');
    else if (!isUuid(value)) this.fail(column, `${quoted(value)} is not an id (a UUID)`);
    return value;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = (this.cells[column] ?? '').toLowerCase();
    if (!(allowed as readonly string[]).includes(value))
      this.fail(column, `${value === '' ? 'is empty' : `"${value}" is not allowed`}; use one of ${allowed.join(', ')}`);
    return value as T;
  }

  integer(column: string, min: number, max: number): number {
    const value = this.cells[column] ?? '';
    const number = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(number >= min && number <= max))
      this.fail(column, `${value === '' ? 'is empty' : `"${value}" is not allowed`}; use a whole number from ${min} to ${max}`);
    return number;
  }

  /** Full-time equivalent as the team routes take it: more than 0, at most 1, three decimal places. */
  fte(column: string): number {
    const value = this.cells[column] ?? '';
    const number = /^(\d+(\.\d{1,3})?|\.\d{1,3})$/.test(value) ? Number(value) : NaN;
    if (!(number > 0 && number <= 1))
      this.fail(column, `${value === '' ? 'is empty' : `"${value}" is not allowed`}; use a number more than 0 and at most 1, such as 0.5`);
    return number;
  }

  /** Date order is a problem of the later date, where the fix usually is. */
  inOrder(start: IsoDate, end: IsoDate | null, columns: { start: string; end: string }): void {
    if (end !== null && isIsoDate(start) && isIsoDate(end) && end < start) this.fail(columns.end, `(${end}) is before ${columns.start} (${start})`);
  }
}
