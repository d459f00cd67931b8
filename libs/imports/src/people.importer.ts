import { Person, peopleByEmail } from '@npa/registry';
import { insertInChunks } from './bulk-insert';
import { repeatedRows } from './file.rules';
import { defineImporter } from './importer';
import { parsePersonRow, type PersonRow } from './row-parsers';

const emailKey = (row: PersonRow) => row.email.toLowerCase();

/**
 * New people only: an email already on the register is a problem, not an update, so a file can never
 * rename someone by accident. Re-importing an export therefore reports every row as already there.
 */
export const peopleImporter = defineImporter<PersonRow>({
  parseRow: parsePersonRow,
  withinFile: (rows) => repeatedRows(rows, emailKey, 'email', (r) => r.email),
  async check(manager, rows, { progress }) {
    const existing = await peopleByEmail(
      manager,
      rows.map((r) => r.value.email),
    );
    const problems = rows
      .filter((r) => existing.has(r.value.email))
      .map((r) => ({ row: r.row, column: 'email', problem: `${r.value.email} is already on the register` }));
    return {
      problems,
      save: async () => {
        const people = rows.map(({ value }) => ({ name: value.name, email: value.email }));
        return { created: await insertInChunks(manager, Person, people, (done) => progress('saving', done, people.length)) };
      },
    };
  },
});
