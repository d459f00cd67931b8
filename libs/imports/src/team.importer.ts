import type { ImportProblem } from './import-kinds';
import { TeamMember, peopleByEmail, teamPostsOf, servicesByNumber } from '@npa/registry';
import { insertInChunks } from './bulk-insert';
import { describePeriod, overlappingPeriods, type Numbered } from './file.rules';
import { defineImporter } from './importer';
import { groupBy } from './group-by';
import { parseTeamRow, type TeamRow } from './row-parsers';

/** Team posts for people and services already on the register; the same overlap rule as POST /services/{id}/team. */
export const teamImporter = defineImporter<TeamRow>({
  parseRow: parseTeamRow,
  withinFile: () => [],
  async check(manager, rows, { progress }) {
    const services = await servicesByNumber(
      manager,
      rows.map((r) => r.value.serviceNumber),
    );
    const people = await peopleByEmail(
      manager,
      rows.map((r) => r.value.email),
    );
    const problems: ImportProblem[] = [];
    const resolved: Numbered<TeamRow & { serviceId: string; personId: string }>[] = [];
    for (const { row, value } of rows) {
      const serviceId = services.get(value.serviceNumber);
      const person = people.get(value.email);
      if (!serviceId) problems.push({ row, column: 'service_registration_number', problem: `no registered service has the number ${value.serviceNumber}` });
      if (!person) problems.push({ row, column: 'email', problem: `no person on the register has the email ${value.email}` });
      if (serviceId && person) resolved.push({ row, value: { ...value, serviceId, personId: person.id } });
    }
    const posts = await teamPostsOf(
      manager,
      resolved.map((r) => r.value.serviceId),
      resolved.map((r) => r.value.personId),
    );
    const existing = groupBy(
      posts,
      (p) => `${p.serviceId}|${p.personId}`,
      (p) => ({ start: p.start, end: p.end }),
    );
    problems.push(
      ...overlappingPeriods(
        resolved,
        (v) => `${v.serviceId}|${v.personId}`,
        (v) => ({ start: v.startDate, end: v.endDate }),
        existing,
        'start_date',
        (v, clash) =>
          'row' in clash
            ? `${v.email} already has a post in ${v.serviceNumber} on row ${clash.row} over some of these dates`
            : `${v.email} already has a post in ${v.serviceNumber} ${describePeriod(clash.period)}; end it first`,
      ),
    );
    return {
      problems,
      save: async () => {
        const members = resolved.map(({ value: v }) => ({
          serviceId: v.serviceId,
          personId: v.personId,
          role: v.role,
          fte: v.fte,
          caseload: v.caseload,
          startDate: v.startDate,
          endDate: v.endDate,
        }));
        return { created: await insertInChunks(manager, TeamMember, members, (done) => progress('saving', done, members.length)) };
      },
    };
  },
});
