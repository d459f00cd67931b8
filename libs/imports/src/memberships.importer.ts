import type { ImportProblem } from './import-kinds';
import { Membership, membershipPeriodsOf, peopleByEmail } from '@npa/registry';
import { insertInChunks } from './bulk-insert';
import { describePeriod, overlappingPeriods, type Numbered } from './file.rules';
import { defineImporter } from './importer';
import { groupBy } from './group-by';
import { parseMembershipRow, type MembershipRow } from './row-parsers';

/** NPA membership periods of people already on the register; periods of one person may not overlap. */
export const membershipsImporter = defineImporter<MembershipRow>({
  parseRow: parseMembershipRow,
  withinFile: () => [],
  async check(manager, rows, { progress }) {
    const people = await peopleByEmail(
      manager,
      rows.map((r) => r.value.email),
    );
    const problems: ImportProblem[] = [];
    const resolved: Numbered<MembershipRow & { personId: string }>[] = [];
    for (const { row, value } of rows) {
      const person = people.get(value.email);
      if (person) resolved.push({ row, value: { ...value, personId: person.id } });
      else problems.push({ row, column: 'email', problem: `no person on the register has the email ${value.email}` });
    }
    const held = await membershipPeriodsOf(
      manager,
      resolved.map((r) => r.value.personId),
    );
    const existing = groupBy(
      held,
      (m) => m.personId,
      (m) => ({ start: m.start, end: m.end }),
    );
    problems.push(
      ...overlappingPeriods(
        resolved,
        (v) => v.personId,
        (v) => ({ start: v.startDate, end: v.endDate }),
        existing,
        'start_date',
        (v, clash) =>
          'row' in clash
            ? `${v.email} has another membership on row ${clash.row} covering some of these dates`
            : `${v.email} already has a membership ${describePeriod(clash.period)} covering some of these dates`,
      ),
    );
    return {
      problems,
      save: async () => {
        const memberships = resolved.map(({ value: v }) => ({ personId: v.personId, number: v.number, startDate: v.startDate, endDate: v.endDate }));
        return { created: await insertInChunks(manager, Membership, memberships, (done) => progress('saving', done, memberships.length)) };
      },
    };
  },
});
