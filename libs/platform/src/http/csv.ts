// Every CSV the app writes goes through here, so every one keeps spreadsheet formulas out the same way.
import { stringify, type Stringifier } from 'csv-stringify';
import { stringify as stringifyNow } from 'csv-stringify/sync';

/**
 * A spreadsheet must not run a cell as a formula: text that starts like one (=, +, -, @, tab or carriage
 * return, as OWASP lists them) is kept as text by a leading apostrophe. Numbers are written as they are.
 */
export const spreadsheetCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const options = (columns: string[]) => ({ header: true, columns, cast: { string: spreadsheetCell } });

/** A whole CSV file, header first, from rows given as arrays (in column order) or as records keyed by column. */
export const csvText = (columns: string[], rows: unknown[][] | Record<string, unknown>[]): string => stringifyNow(rows, options(columns));

/** A CSV writer to stream records into (keyed by column), header first. */
export const csvStream = (columns: string[]): Stringifier => stringify(options(columns));
