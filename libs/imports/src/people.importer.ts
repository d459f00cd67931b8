import { Person, peopleByEmail } from '@npa/registry';
import { repeatedRows } from './file.rules';
import { defineRecordImporter } from './importer';
import { parsePersonRow, type PersonRow } from './row-parsers';

const emailKey = (row: PersonRow) => row.email.toLowerCase();

/**
 * New people only: an email already on the register is a problem, not an update, so a file can never
 * rename someone by accident. Re-importing an export therefore reports every row as already there.
 */
export const peopleImporter = defineRecordImporter<PersonRow, Person>({
  parseRow: parsePersonRow,
  withinFile: (rows) => repeatedRows(rows, emailKey, 'email', (r) => r.email),
  async onRegister(manager, rows) {
    const existing = await peopleByEmail(
      manager,
      rows.map((r) => r.value.email),
    );
    return rows
      .filter((r) => existing.has(r.value.email))
      .map((r) => ({ row: r.row, column: 'email', problem: `${r.value.email} is already on the register` }));
  },
  entity: Person,
  recordOf: ({ name, email }) => ({ name, email }),
});
