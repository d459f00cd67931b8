// Each job's payload is checked against its declared fields before its handler runs. A job can be put on
// a queue by anything that reaches Redis, so a handler must not trust what it is given: an id that is not
// an id, or a day after today (retention anonymises for good as of that day), fails the job at once.
import { isUUID } from 'class-validator';
import { isIsoDate, type IsoDate } from '../dates';
import type { JobName, JobPayloads } from './jobs';

/** A field's check: null when the value is fine, else what is wrong. */
type Field = { optional?: true; problem: (value: unknown, today: IsoDate) => string | null };

const id: Field = { problem: (v) => (typeof v === 'string' && isUUID(v) ? null : 'must be a record id') };
/** As many letters as one job composes together (LettersService.requestMany asks for fewer). */
const MOST_IDS_IN_A_JOB = 1000;
const ids: Field = {
  problem: (v) =>
    Array.isArray(v) && v.length >= 1 && v.length <= MOST_IDS_IN_A_JOB && v.every((x) => typeof x === 'string' && isUUID(x))
      ? null
      : `must be a list of 1 to ${MOST_IDS_IN_A_JOB} record ids`,
};
/** A day no later than today: a job acts on what has happened, never ahead of the calendar. */
const pastDay: Field = {
  optional: true,
  problem: (v, today) => (!isIsoDate(v) ? 'must be a date written YYYY-MM-DD' : v > today ? `must not be after today (${today})` : null),
};
const flag: Field = { optional: true, problem: (v) => (typeof v === 'boolean' ? null : 'must be true or false') };
const holdMs: Field = {
  optional: true,
  problem: (v) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 60_000 ? null : 'must be a whole number of milliseconds up to 60000'),
};

const FIELDS: { [N in JobName]: Record<keyof JobPayloads[N], Field> } = {
  'system.heartbeat': { heartbeatId: id, holdMs },
  'sweep.daily': { asOf: pastDay },
  'retention.daily': { asOf: pastDay },
  'reminder.prepare': { reminderId: id },
  'letter.compose': { letterId: id, renderOnly: flag },
  'letter.compose-many': { letterIds: ids },
  'letter.deliver': { letterId: id },
  'letter.deliver-many': { letterIds: ids },
  'certificate.issue': { outcomeId: id },
  'auth.lock-notice': { userId: id },
};

/** What is wrong with a job's payload, as "field problem" lines; [] when nothing is. */
export function payloadProblems(name: JobName, data: unknown, today: IsoDate): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['the payload must be an object'];
  const fields: Record<string, Field> = FIELDS[name];
  const given = data as Record<string, unknown>;
  const unknown = Object.keys(given)
    .filter((key) => !Object.hasOwn(fields, key))
    .map((key) => `${key} is not a field of ${name}`);
  const wrong = Object.entries(fields).flatMap(([key, field]) => {
    const value = given[key];
    if (value === undefined || value === null) return field.optional ? [] : [`${key} is required`];
    const problem = field.problem(value, today);
    return problem ? [`${key} ${problem}`] : [];
  });
  return [...unknown, ...wrong];
}
