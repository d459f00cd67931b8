import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { deepFreeze, KeptUnderVersion, keptRead, prepared } from '@npa/platform';
import type { IsoDate } from '@npa/platform';
import type {
  CompletionFact,
  InductionFact,
  InspectionFact,
  NetworkingFact,
  PeriodFact,
  QualificationFact,
  ServiceFacts,
  SettingFacts,
  SettingStaffFact,
  SupervisionFact,
  TeamMemberFact,
  TrainerAccreditationFact,
} from '../rules/facts';
import { EVERY_DATE, serviceFactsAsOf, settingFactsAsOf } from './facts-as-of';

/**
 * A read model, named as one: the compliance facts, read straight from the tables of the slices that own
 * them (listed in FACTS_READ_MODEL_TABLES), not through their doors. It may, because the rules need every
 * kind of fact for one subject in one round trip: for one service or setting it is one prepared statement
 * joining registry, training and supervision tables (README, Benchmarks: planning nine small queries was
 * most of a read's cost), and for the whole register one query per kind of fact. Do not split it into a
 * call per slice. It only reads; the owning slices write these tables, and a change to any of them moves
 * `register_versions` (migration AddRegisterVersion), so the owners need not know this model exists.
 */
export const FACTS_READ_MODEL_TABLES = {
  registry: [
    'services',
    'team_members',
    'people',
    'memberships',
    'inductions',
    'qualifications',
    'networking_attendance',
    'settings',
    'setting_staff',
    'inspections',
  ],
  training: ['workshop_outcomes', 'workshops', 'trainers', 'trainer_accreditations'],
  supervision: ['supervision_sessions', 'supervision_participants'],
} as const;

/** null: every service (or setting) on the register. */
type Subjects = string[] | null;

// Completed, current (not superseded) outcomes with their workshop and the trainer's accreditation
// periods; the rules decide whether the trainer covered the workshop's days. A workshop awaiting the NPA's
// confirmation (scheduled by its trainer too far back) counts for nothing until confirmed.
const COMPLETIONS = `
  SELECT o.person_id AS "personId", w.start_date::text AS "workshopStartDate", w.end_date::text AS "workshopEndDate", tp.name AS "trainerName",
         COALESCE((SELECT json_agg(json_build_object('from', a.accredited_from, 'to', a.accredited_to))
                     FROM trainer_accreditations a WHERE a.trainer_id = w.trainer_id), '[]') AS "trainerAccreditations"
    FROM workshop_outcomes o
    JOIN workshops w ON w.id = o.workshop_id
    JOIN trainers t ON t.id = w.trainer_id
    JOIN people tp ON tp.id = t.person_id
   WHERE o.outcome = 'completed' AND w.end_date <= $2 AND NOT w.awaiting_confirmation
     AND NOT EXISTS (SELECT 1 FROM workshop_outcomes later WHERE later.supersedes_id = o.id)
     AND o.person_id IN (PEOPLE)`;

/**
 * The rows each fact query returns, named as the rules name the facts, so each row is the fact itself:
 * the sweep reads some 130,000 rows, and making a second object of each cost it time and memory (README,
 * Benchmarks). A row also says which subject it belongs to where the facts are placed by it.
 */
interface ServiceRows {
  services: { id: string }[];
  team: Placed<TeamMemberFact, 'serviceId'>[];
  memberships: PeriodFact[];
  completions: CompletionFact[];
  supervision: Placed<SupervisionFact, 'serviceId'>[];
  inductions: InductionFact[];
  qualifications: QualificationFact[];
  accreditations: TrainerAccreditationFact[];
  networking: Placed<NetworkingFact, 'serviceId'>[];
}

interface SettingRows {
  settings: { id: string; staff_count: number }[];
  staff: Placed<SettingStaffFact, 'settingId'>[];
  memberships: PeriodFact[];
  completions: CompletionFact[];
  inspections: Placed<InspectionFact, 'settingId'>[];
  qualifications: QualificationFact[];
}

type Placed<F, By extends string> = F & Record<By, string>;

// Each query reads $1 (subject ids) and $2 (the date), and is written once for every use: `subject`
// turns a column into the condition on it, for one subject (`= ($1)[1]`: a plan PostgreSQL can keep
// for any id), a few (`= ANY($1)`) or the whole register (`$1 IS NULL`, true). PEOPLE is everyone who
// has been on the subjects' teams (or staff) by the date.
type Subject = (column: string) => string;
const forSome: Subject = (column) => `${column} = ANY($1::uuid[])`;
const forOne: Subject = (column) => `${column} = ($1::uuid[])[1]`;
const forAll: Subject = () => `$1::uuid[] IS NULL`;

const periods = (people: string) =>
  `SELECT person_id AS "personId", start_date::text AS "startDate", end_date::text AS "endDate" FROM memberships WHERE start_date <= $2 AND person_id IN (${people})`;
const qualifications = (people: string) => `SELECT person_id AS "personId", kind, status, date::text FROM qualifications WHERE person_id IN (${people})`;

function serviceQueries(subject: Subject): Record<keyof ServiceRows, string> {
  const people = `SELECT person_id FROM team_members WHERE ${subject('service_id')} AND start_date <= $2`;
  return {
    services: `SELECT id FROM services WHERE ${subject('id')} AND $2::date IS NOT NULL`,
    team: `SELECT tm.id AS "memberId", tm.service_id AS "serviceId", tm.person_id AS "personId", p.name, tm.role, tm.fte::float8 AS fte, tm.caseload,
                  tm.start_date::text AS "startDate", tm.end_date::text AS "endDate"
             FROM team_members tm JOIN people p ON p.id = tm.person_id
            WHERE ${subject('tm.service_id')} AND tm.start_date <= $2`,
    memberships: periods(people),
    completions: COMPLETIONS.replace('PEOPLE', people),
    // json_agg, not array_agg: pg parses a uuid[] in JavaScript, character by character (it showed in the
    // sweep's profile; README, Benchmarks), and JSON natively.
    supervision: `SELECT s.service_id AS "serviceId", s.date::text, s.supervisor_id AS "supervisorId", json_agg(sp.practitioner_id) AS "practitionerIds"
                    FROM supervision_sessions s JOIN supervision_participants sp ON sp.session_id = s.id
                   WHERE ${subject('s.service_id')} AND s.date <= $2
                   GROUP BY s.id`,
    inductions: `SELECT person_id AS "personId", completed_on::text AS "completedOn" FROM inductions WHERE completed_on <= $2 AND person_id IN (${people})`,
    qualifications: qualifications(people),
    accreditations: `SELECT t.person_id AS "personId", a.accredited_from::text AS from, a.accredited_to::text AS to
                       FROM trainer_accreditations a JOIN trainers t ON t.id = a.trainer_id WHERE t.person_id IN (${people})`,
    networking: `SELECT service_id AS "serviceId", date::text, event FROM networking_attendance WHERE ${subject('service_id')} AND date <= $2`,
  };
}

function settingQueries(subject: Subject): Record<keyof SettingRows, string> {
  const people = `SELECT person_id FROM setting_staff WHERE ${subject('setting_id')} AND start_date <= $2`;
  return {
    settings: `SELECT id, staff_count FROM settings WHERE ${subject('id')} AND $2::date IS NOT NULL`,
    staff: `SELECT s.id AS "staffId", s.setting_id AS "settingId", s.person_id AS "personId", p.name, s.start_date::text AS "startDate", s.end_date::text AS "endDate"
              FROM setting_staff s JOIN people p ON p.id = s.person_id
             WHERE ${subject('s.setting_id')} AND s.start_date <= $2`,
    memberships: periods(people),
    completions: COMPLETIONS.replace('PEOPLE', people),
    // A proposal from the setting counts only once NPA staff have recorded it: no self-certification.
    inspections: `SELECT setting_id AS "settingId", date::text, grade FROM inspections WHERE ${subject('setting_id')} AND date <= $2 AND status = 'recorded'`,
    qualifications: qualifications(people),
  };
}

/**
 * Every query of a set as one statement, each query's rows as a JSON array in a column of its name.
 * For one subject (every compliance read: a service's page, a setting's award) it is prepared: parsed
 * and planned once per connection, and one round trip instead of nine. Planning nine small queries was
 * most of what PostgreSQL spent on a read, and waiting for nine backends most of its latency (README).
 */
const oneStatement = (queries: Record<string, string>) =>
  `SELECT ${Object.entries(queries)
    .map(([name, sql]) => `(SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q) AS "${name}"`)
    .join(',\n')}`;

interface QuerySet<R> {
  one: string;
  some: Record<keyof R & string, string>;
  all: Record<keyof R & string, string>;
}

export const SERVICE_QUERIES: QuerySet<ServiceRows> = { one: oneStatement(serviceQueries(forOne)), some: serviceQueries(forSome), all: serviceQueries(forAll) };
export const SETTING_QUERIES: QuerySet<SettingRows> = { one: oneStatement(settingQueries(forOne)), some: settingQueries(forSome), all: settingQueries(forAll) };

/** Facts for every date: a service's are ~20-40 kB in memory, a setting's a few: a register ten times today's, whole, in well under 100 MB. */
const KEPT_SERVICES = 2_000;
const KEPT_SETTINGS = 10_000;

/**
 * Loads the facts the rules read, one query per kind of fact, for one subject or all of them at once,
 * as of a date. Never one query per person: the register is evaluated whole every day.
 */
@Injectable()
export class FactsLoader {
  /** Each subject's facts for every date, frozen, as a read in flight or done. */
  private readonly serviceHistories = new KeptUnderVersion<Promise<ServiceFacts | undefined>>(KEPT_SERVICES);
  private readonly settingHistories = new KeptUnderVersion<Promise<SettingFacts | undefined>>(KEPT_SETTINGS);
  /** Each read of every service or setting as of a date, while it is in flight or held, by kind and date. */
  private readonly wholeReads = new Map<string, Promise<Map<string, unknown>>>();
  /** How many callers hold the whole reads as of each date (`holding`). */
  private readonly holds = new Map<IsoDate, number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One service's facts as of a date, for a caller that has just read the register's version
   * (EvaluationCache): its facts for every date are read once and kept while that version stands, and
   * each date's are taken from them in memory. Asking about a service on many dates (its history, a
   * date picker, the office going back over a year) then costs PostgreSQL one read, not one per date.
   */
  async serviceAsOf(serviceId: string, asOf: IsoDate, registerVersion: string): Promise<ServiceFacts | undefined> {
    const all = await keptRead(this.serviceHistories, serviceId, registerVersion, async () =>
      deepFreeze((await this.services([serviceId], EVERY_DATE)).get(serviceId)),
    );
    return all && serviceFactsAsOf(all, asOf);
  }

  /** One setting's facts as of a date, as serviceAsOf does for a service. */
  async settingAsOf(settingId: string, asOf: IsoDate, registerVersion: string): Promise<SettingFacts | undefined> {
    const all = await keptRead(this.settingHistories, settingId, registerVersion, async () =>
      deepFreeze((await this.settings([settingId], EVERY_DATE)).get(settingId)),
    );
    return all && settingFactsAsOf(all, asOf);
  }

  async services(ids: Subjects, asOf: IsoDate): Promise<Map<string, ServiceFacts>> {
    return this.shared('services', ids, asOf, async () => this.serviceFacts(await this.load<ServiceRows>(SERVICE_QUERIES, 'services', ids, asOf)));
  }

  private serviceFacts(rows: ServiceRows): Map<string, ServiceFacts> {
    const facts = new Map<string, ServiceFacts>();
    for (const { id } of rows.services) {
      facts.set(id, {
        serviceId: id,
        team: [],
        memberships: [],
        completions: [],
        supervision: [],
        inductions: [],
        qualifications: [],
        trainerAccreditations: [],
        networking: [],
      });
    }
    // Person-level facts go to every service the person has been on.
    const placed = new PersonPlaces<ServiceFacts>();
    placed.posts(
      rows.team,
      (m) => facts.get(m.serviceId),
      (f) => f.team,
    );
    placed.spread(rows.memberships, (f) => f.memberships);
    placed.spread(rows.completions, (f) => f.completions);
    placed.spread(rows.inductions, (f) => f.inductions);
    placed.spread(rows.qualifications, (f) => f.qualifications);
    placed.spread(rows.accreditations, (f) => f.trainerAccreditations);
    for (const s of rows.supervision) facts.get(s.serviceId)?.supervision.push(s);
    for (const n of rows.networking) facts.get(n.serviceId)?.networking.push(n);
    return facts;
  }

  /** One setting's facts read in the caller's transaction, as it sees the register (not prepared: the pool is not the transaction). */
  async settingWithin(manager: EntityManager, settingId: string, asOf: IsoDate): Promise<SettingFacts | undefined> {
    const [rows] = await manager.query<SettingRows[]>(SETTING_QUERIES.one, [[settingId], asOf]);
    return this.settingFacts(rows).get(settingId);
  }

  async settings(ids: Subjects, asOf: IsoDate): Promise<Map<string, SettingFacts>> {
    return this.shared('settings', ids, asOf, async () => this.settingFacts(await this.load<SettingRows>(SETTING_QUERIES, 'settings', ids, asOf)));
  }

  /**
   * Runs `work` with every whole read as of the date kept until it ends, not only while in flight: the
   * daily sweep reads every setting for the snapshots and the award-at-risk reminder kind asks for them
   * too, at a moment that depends on how busy PostgreSQL is, sometimes after the first read has ended (README,
   * Benchmarks). Held, the second ask is always answered from the first read.
   */
  async holding<T>(asOf: IsoDate, work: () => Promise<T>): Promise<T> {
    this.holds.set(asOf, (this.holds.get(asOf) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = this.holds.get(asOf)! - 1;
      if (left > 0) this.holds.set(asOf, left);
      else {
        this.holds.delete(asOf);
        for (const kind of ['services', 'settings'] as const) this.wholeReads.delete(wholeReadKey(kind, asOf));
      }
    }
  }

  /**
   * A read of some or all subjects asked while a read of all of them as of the same date is in flight
   * (or held) is answered from that one, not read again. Both are reads of what is committed, a moment
   * apart; the shared answer is only read, never changed. A failed read is never kept.
   */
  private async shared<F>(kind: 'services' | 'settings', ids: Subjects, asOf: IsoDate, read: () => Promise<Map<string, F>>): Promise<Map<string, F>> {
    const key = wholeReadKey(kind, asOf);
    const whole = this.wholeReads.get(key) as Promise<Map<string, F>> | undefined;
    if (whole) {
      const all = await whole;
      return ids === null ? all : new Map(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as const] : [])));
    }
    const reading = read();
    if (ids === null) {
      this.wholeReads.set(key, reading);
      const drop = () => this.wholeReads.get(key) === reading && this.wholeReads.delete(key);
      reading.then(() => this.holds.has(asOf) || drop(), drop);
    }
    return reading;
  }

  private settingFacts(rows: SettingRows): Map<string, SettingFacts> {
    const facts = new Map<string, SettingFacts>();
    for (const s of rows.settings)
      facts.set(s.id, { settingId: s.id, staffCount: s.staff_count, staff: [], memberships: [], completions: [], inspections: [], qualifications: [] });
    const placed = new PersonPlaces<SettingFacts>();
    placed.posts(
      rows.staff,
      (s) => facts.get(s.settingId),
      (f) => f.staff,
    );
    placed.spread(rows.memberships, (f) => f.memberships);
    placed.spread(rows.completions, (f) => f.completions);
    placed.spread(rows.qualifications, (f) => f.qualifications);
    for (const i of rows.inspections) facts.get(i.settingId)?.inspections.push(i);
    return facts;
  }

  /** One subject's facts in one prepared statement; more subjects' in separate queries at once, so no JSON value holds a whole table. */
  private async load<R extends object>(queries: QuerySet<R>, kind: string, ids: Subjects, asOf: IsoDate): Promise<R> {
    const args = [ids, asOf];
    if (ids !== null && ids.length === 1) return (await prepared<R>(this.dataSource, `facts.${kind}`, queries.one, args))[0];
    const chosen = ids === null ? queries.all : queries.some;
    const names = Object.keys(chosen) as (keyof R & string)[];
    const results = await Promise.all(names.map((name) => this.dataSource.query<unknown[]>(chosen[name], args)));
    return Object.fromEntries(names.map((name, i) => [name, results[i]])) as R;
  }
}

/** A read of every service or setting as of a date, as `wholeReads` keeps it. */
const wholeReadKey = (kind: 'services' | 'settings', asOf: IsoDate) => `${kind} ${asOf}`;

/**
 * The subjects each person has been on (most people one): a person's own facts (memberships,
 * completions) go to each. A short array each, not a Set: the sweep places 40,000 people.
 */
class PersonPlaces<F> {
  private readonly places = new Map<string, F[]>();

  /** Each post (a team or staff row) into its subject's facts, its person placed there; a post of no subject read is left out. */
  posts<P extends { personId: string }, T extends P>(rows: readonly T[], subjectOf: (row: T) => F | undefined, into: (subject: F) => P[]): void {
    for (const row of rows) {
      const subject = subjectOf(row);
      if (!subject) continue;
      into(subject).push(row);
      const theirs = this.places.get(row.personId);
      if (!theirs) this.places.set(row.personId, [subject]);
      else if (!theirs.includes(subject)) theirs.push(subject);
    }
  }

  spread<T extends { personId: string }>(items: readonly T[], into: (subject: F) => T[]): void {
    for (const item of items) for (const subject of this.places.get(item.personId) ?? []) into(subject).push(item);
  }
}
