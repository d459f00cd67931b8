/** A spreadsheet must not run a cell as a formula: one that starts like one is kept as text. */
export const spreadsheetCell = (value: string | number): string | number => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
