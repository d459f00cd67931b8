import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  Attendee,
  Outcome,
  accreditationsOf,
  attendances,
  canRecordOutcome,
  isAccreditedFor,
  newCertificateCode,
  queueCertificates,
  standingOutcomes,
  workshopDates,
} from '@npa/training';
import { Person, peopleByEmail, type PersonRef } from '@npa/registry';
import { insertInChunks } from './bulk-insert';
import { repeatedRows, type Numbered } from './file.rules';
import type { ImportProblem } from './import-kinds';
import { defineImporter } from './importer';
import { parseCompletionRow, type CompletionRow } from './row-parsers';

type Resolved = CompletionRow & { personId: string };

const pair = (workshopId: string, personId: string) => `${workshopId}|${personId}`;

/**
 * Historic outcomes of Portage Workshops, under the rules of recording one today: the workshop has
 * reached its last day and its trainer was accredited over it. Someone not on the register is added
 * when the row gives a name, and made an attendee if they were not one. Capacity is not checked: the
 * workshop has happened and the file records who was there.
 */
export const completionsImporter = defineImporter<CompletionRow>({
  parseRow: parseCompletionRow,
  withinFile: (rows) =>
    repeatedRows(
      rows,
      (r) => `${r.workshopId}|${r.email.toLowerCase()}`,
      'email',
      (r) => `${r.email} for this workshop`,
    ),
  async check(manager, rows, { today, actorId, progress, outbox }) {
    const problems: ImportProblem[] = [];
    const workshops = await workshopDates(
      manager,
      rows.map((r) => r.value.workshopId),
    );
    const periods = await accreditationsOf(manager, [...new Set([...workshops.values()].map((w) => w.trainerId))]);
    for (const { row, value } of rows) {
      const workshop = workshops.get(value.workshopId);
      if (!workshop) problems.push({ row, column: 'workshop_id', problem: `no workshop has the id ${value.workshopId}` });
      else if (!canRecordOutcome(today, workshop))
        problems.push({ row, column: 'workshop_id', problem: `the workshop ends on ${workshop.endDate}; outcomes can be recorded from its last day` });
      else if (!isAccreditedFor(periods.get(workshop.trainerId) ?? [], workshop.startDate, workshop.endDate))
        problems.push({
          row,
          column: 'workshop_id',
          problem: `its trainer was not accredited over the whole workshop (${workshop.startDate} to ${workshop.endDate}), so its outcomes cannot be recorded`,
        });
    }

    const { resolved, newPeople, unknown } = await resolvePeople(manager, rows);
    problems.push(...unknown);
    const current = await currentOutcomes(manager, resolved);
    for (const { row, value } of resolved) {
      const outcome = current.get(pair(value.workshopId, value.personId));
      if (outcome)
        problems.push({
          row,
          column: 'email',
          problem: `${value.email} already has an outcome (${outcome}) for this workshop; correct it from the workshop's outcomes`,
        });
    }

    return {
      problems,
      save: async () => {
        const attending = await attendeesOf(manager, resolved);
        const attendees = resolved
          .filter(({ value: v }) => !attending.has(pair(v.workshopId, v.personId)))
          .map(({ value: v }) => ({ workshopId: v.workshopId, personId: v.personId }));
        const codes = new Set<string>();
        const outcomes = resolved.map(({ value: v }) => ({
          id: randomUUID(),
          workshopId: v.workshopId,
          personId: v.personId,
          outcome: v.outcome,
          certificateCode: v.outcome === 'completed' ? uniqueCode(codes) : null,
          supersedesId: null,
          recordedBy: actorId,
        }));
        await insertInChunks(manager, Person, newPeople);
        await insertInChunks(manager, Attendee, attendees);
        const created = await insertInChunks(manager, Outcome, outcomes, (done) => progress('saving', done, outcomes.length));
        // Each completion's certificate letter, as when it is recorded one by one (a backdated workshop's wait for its confirmation).
        await queueCertificates(
          outbox,
          manager,
          outcomes.filter((o) => o.certificateCode !== null).map((o) => o.id),
        );
        return { created, peopleCreated: newPeople.length };
      },
    };
  },
});

/** Known people by email; unknown ones become new people when the row names them (once per email). */
async function resolvePeople(manager: EntityManager, rows: readonly Numbered<CompletionRow>[]) {
  const known = await peopleByEmail(
    manager,
    rows.map((r) => r.value.email),
  );
  const added = new Map<string, PersonRef>();
  const resolved: Numbered<Resolved>[] = [];
  const unknown: ImportProblem[] = [];
  for (const { row, value } of rows) {
    let person = known.get(value.email) ?? added.get(value.email.toLowerCase());
    if (!person && value.name !== null) {
      person = { id: randomUUID(), name: value.name, email: value.email };
      added.set(value.email.toLowerCase(), person);
    }
    if (person) resolved.push({ row, value: { ...value, personId: person.id } });
    else
      unknown.push({ row, column: 'email', problem: `no person on the register has the email ${value.email}; give their name in a name column to add them` });
  }
  return { resolved, newPeople: [...added.values()], unknown };
}

/** The outcome that stands now (no later row supersedes it) for each workshop and person in the file. */
async function currentOutcomes(manager: EntityManager, rows: readonly Numbered<Resolved>[]): Promise<Map<string, string>> {
  const found = await standingOutcomes(
    manager,
    rows.map((r) => r.value.workshopId),
    rows.map((r) => r.value.personId),
  );
  return new Map(found.map((o) => [pair(o.workshopId, o.personId), o.outcome]));
}

async function attendeesOf(manager: EntityManager, rows: readonly Numbered<Resolved>[]): Promise<Set<string>> {
  const found = await attendances(
    manager,
    rows.map((r) => r.value.workshopId),
    rows.map((r) => r.value.personId),
  );
  return new Set(found.map((a) => pair(a.workshopId, a.personId)));
}

/** Codes are drawn at random from 2^50; a repeat within one file is all but impossible, but cheap to rule out. */
function uniqueCode(taken: Set<string>): string {
  let code = newCertificateCode();
  while (taken.has(code)) code = newCertificateCode();
  taken.add(code);
  return code;
}
