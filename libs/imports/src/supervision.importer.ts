import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { covers } from '@npa/platform';
import { SupervisionParticipant, SupervisionSession, sessionsLogged, type LoggedSession } from '@npa/supervision';
import { insertInChunks } from './bulk-insert';
import type { Numbered } from './file.rules';
import type { ImportProblem } from './import-kinds';
import { defineImporter } from './importer';
import { groupBy } from './group-by';
import { parseSupervisionRow, type SupervisionRow } from './row-parsers';
import { peopleByEmail, teamPostsOf, servicesByNumber, type PostRef } from '@npa/registry';

type Session = LoggedSession;

/** A session is the same session when service, date, supervisor and the set of practitioners all match. */
const sessionKey = (s: Session) => `${s.serviceId}|${s.date}|${s.supervisorId}|${[...s.practitionerIds].sort().join(',')}`;

/**
 * The supervision log, one row per session, under the rules of POST /services/{id}/supervision-sessions:
 * the supervisor is on the team that day and every practitioner is a practitioner in it. A session
 * already in the log (or earlier in the file) is a problem, so importing a file twice adds nothing.
 */
export const supervisionImporter = defineImporter<SupervisionRow>({
  parseRow: parseSupervisionRow,
  withinFile: () => [],
  async check(manager, rows, { actorId, progress }) {
    const services = await servicesByNumber(
      manager,
      rows.map((r) => r.value.serviceNumber),
    );
    const people = await peopleByEmail(
      manager,
      rows.flatMap((r) => [r.value.supervisorEmail, ...r.value.practitionerEmails]),
    );
    const posts = groupBy(
      await teamPostsOf(
        manager,
        [...services.values()],
        [...people.values()].map((p) => p.id),
      ),
      (p) => `${p.serviceId}|${p.personId}`,
      (p) => p,
    );
    const onTeam = (serviceId: string, personId: string, date: string, role?: string) =>
      (posts.get(`${serviceId}|${personId}`) ?? []).some((p: PostRef) => covers(p.start, p.end, date) && (!role || p.role === role));

    const problems: ImportProblem[] = [];
    const sessions: Numbered<Session>[] = [];
    for (const { row, value } of rows) {
      const serviceId = services.get(value.serviceNumber);
      if (!serviceId) {
        problems.push({ row, column: 'service_registration_number', problem: `no registered service has the number ${value.serviceNumber}` });
        continue;
      }
      const team = `${value.serviceNumber}'s team on ${value.date}`;
      const supervisor = people.get(value.supervisorEmail);
      if (!supervisor) problems.push({ row, column: 'supervisor_email', problem: `no person on the register has the email ${value.supervisorEmail}` });
      else if (!onTeam(serviceId, supervisor.id, value.date))
        problems.push({ row, column: 'supervisor_email', problem: `${value.supervisorEmail} is not on ${team}` });
      const practitionerIds: string[] = [];
      for (const email of value.practitionerEmails) {
        const practitioner = people.get(email);
        if (!practitioner) problems.push({ row, column: 'practitioner_emails', problem: `no person on the register has the email ${email}` });
        else if (!onTeam(serviceId, practitioner.id, value.date, 'practitioner'))
          problems.push({ row, column: 'practitioner_emails', problem: `${email} is not a practitioner in ${team}` });
        else practitionerIds.push(practitioner.id);
      }
      if (supervisor && practitionerIds.length === value.practitionerEmails.length)
        sessions.push({ row, value: { serviceId, date: value.date, supervisorId: supervisor.id, practitionerIds } });
    }
    problems.push(...(await repeatedSessions(manager, sessions)));

    return {
      problems,
      save: async () => {
        const withIds = sessions.map(({ value }) => ({ id: randomUUID(), ...value }));
        const logRows = withIds.map(({ id, serviceId, date, supervisorId }) => ({ id, serviceId, date, supervisorId, recordedBy: actorId }));
        const participants = withIds.flatMap((s) => s.practitionerIds.map((practitionerId) => ({ sessionId: s.id, sessionDate: s.date, practitionerId })));
        const created = await insertInChunks(manager, SupervisionSession, logRows, (done) => progress('saving', done, logRows.length));
        await insertInChunks(manager, SupervisionParticipant, participants);
        return { created };
      },
    };
  },
});

/** Sessions already in the log for these services over the file's dates, or repeated in the file. */
async function repeatedSessions(manager: EntityManager, sessions: readonly Numbered<Session>[]): Promise<ImportProblem[]> {
  if (sessions.length === 0) return [];
  const dates = sessions.map((s) => s.value.date).sort();
  const logged: Session[] = await sessionsLogged(
    manager,
    sessions.map((s) => s.value.serviceId),
    dates[0],
    dates[dates.length - 1],
  );
  const inLog = new Set(logged.map(sessionKey));
  const firstRow = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const { row, value } of sessions) {
    const key = sessionKey(value);
    const first = firstRow.get(key);
    if (inLog.has(key))
      problems.push({ row, column: 'date', problem: `this session (${value.date}, the same supervisor and practitioners) is already in the supervision log` });
    else if (first !== undefined) problems.push({ row, column: 'date', problem: `this session is already on row ${first} of this file` });
    else firstRow.set(key, row);
  }
  return problems;
}
