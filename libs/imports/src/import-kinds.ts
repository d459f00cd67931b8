/** The spreadsheets the NPA brings, by the part of the register each one fills. */
export const IMPORT_KINDS = ['people', 'team', 'memberships', 'workshop-completions', 'settings', 'supervision'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: string): value is ImportKind => (IMPORT_KINDS as readonly string[]).includes(value);

/**
 * The header a file of each kind carries. Optional columns may be left out of the header altogether;
 * exports write every column in this order, so an export can be imported again as it is.
 */
export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

export const COLUMNS: Record<ImportKind, ColumnSpec> = {
  people: { required: ['name', 'email'], optional: [] },
  team: { required: ['service_registration_number', 'email', 'role', 'fte', 'caseload', 'start_date'], optional: ['end_date'] },
  memberships: { required: ['email', 'number', 'start_date', 'end_date'], optional: [] },
  'workshop-completions': { required: ['workshop_id', 'email', 'outcome'], optional: ['name'] },
  settings: { required: ['name', 'ofsted_urn', 'kind', 'staff_count'], optional: ['local_area'] },
  supervision: { required: ['service_registration_number', 'date', 'supervisor_email', 'practitioner_emails'], optional: [] },
};

export const allColumns = (kind: ImportKind): string[] => [...COLUMNS[kind].required, ...COLUMNS[kind].optional];

/** A problem with one cell (column set), a whole row, or the file (row 1 is the header). */
export interface ImportProblem {
  row: number;
  column: string | null;
  problem: string;
}

/** Said in every report, so nobody has to guess whether row 2 is the first person or the second. */
export const ROW_NUMBERING = 'as in a spreadsheet: the header is row 1 and the first data row is row 2';

/** Problems in reading order: by row, then in the file's column order. */
export function sortProblems(problems: ImportProblem[], columns: readonly string[]): ImportProblem[] {
  const position = (column: string | null) => (column === null ? -1 : columns.indexOf(column));
  return [...problems].sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
}
