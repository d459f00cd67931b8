// Fixtures for the rule specs: a service or setting that meets every rule by default, so each test
// states only what it changes. People are p1..pN (practitioners), s1..sN (supervisors), st1..stN (staff).
import { addDays, type IsoDate } from '@npa/platform';
import type { CompletionFact, InspectionFact, PeriodFact, ServiceFacts, SettingFacts, SupervisionFact, TeamMemberFact } from '../facts';

export const AS_OF: IsoDate = '2025-06-30';

/** The date `n` days before AS_OF (or `from`). */
export function ago(n: number, from: IsoDate = AS_OF): IsoDate {
  return addDays(from, -n);
}

export function teamMember(personId: string, overrides: Partial<TeamMemberFact> = {}): TeamMemberFact {
  return {
    memberId: `m-${personId}`,
    personId,
    name: `Person ${personId}`,
    role: 'practitioner',
    fte: 1,
    caseload: 12,
    startDate: '2020-01-06',
    endDate: null,
    ...overrides,
  };
}

export function membership(personId: string, startDate: IsoDate = '2020-01-01', endDate: IsoDate | null = null): PeriodFact {
  return { personId, startDate, endDate };
}

/** A completion; by default a one-day workshop in 2020 from a trainer accredited 2019-2030. */
export function completion(personId: string, overrides: Partial<CompletionFact> = {}): CompletionFact {
  return {
    personId,
    workshopStartDate: '2020-02-03',
    workshopEndDate: '2020-02-03',
    trainerName: 'Alex Trainer',
    trainerAccreditations: [{ from: '2019-01-01', to: '2030-12-31' }],
    ...overrides,
  };
}

export function session(date: IsoDate, practitionerIds: string[], supervisorId = 's1'): SupervisionFact {
  return { date, supervisorId, practitionerIds };
}

export interface MakeServiceOptions {
  asOf?: IsoDate;
  practitioners?: number;
  /** How many of the practitioners (p1 first) are current NPA members; all by default. */
  members?: number;
  /** How many of the practitioners (p1 first) are trained; all by default. */
  trained?: number;
  /** Supervisors on the team (s1..). Sessions are led by s1 whether or not s1 is on the team. */
  supervisors?: number;
  startedDaysAgo?: number;
  /** A group session for every practitioner every this many days back from asOf to their start; null for none. */
  sessionEveryDays?: number | null;
}

export function makeService(options: MakeServiceOptions = {}): ServiceFacts {
  const {
    asOf = AS_OF,
    practitioners = 3,
    members = practitioners,
    trained = practitioners,
    supervisors = 0,
    startedDaysAgo = 400,
    sessionEveryDays = 7,
  } = options;
  const started = ago(startedDaysAgo, asOf);
  const pIds = Array.from({ length: practitioners }, (_, i) => `p${i + 1}`);
  const sIds = Array.from({ length: supervisors }, (_, i) => `s${i + 1}`);

  const sessions: SupervisionFact[] = [];
  if (sessionEveryDays !== null && pIds.length > 0) {
    for (let d = 0; d <= Math.min(200, startedDaysAgo); d += sessionEveryDays) sessions.push(session(ago(d, asOf), pIds));
  }

  return {
    serviceId: 'service-1',
    team: [
      ...pIds.map((id) => teamMember(id, { startDate: started })),
      ...sIds.map((id) => teamMember(id, { role: 'supervisor', startDate: started, caseload: 0 })),
    ],
    memberships: pIds.slice(0, members).map((id) => membership(id)),
    completions: [...pIds.slice(0, trained).map((id) => completion(id)), completion('s1')],
    supervision: sessions,
    inductions: [],
    qualifications: pIds.length ? [{ personId: 'p1', kind: 'level3', status: 'achieved', date: '2021-05-01' }] : [],
    trainerAccreditations: pIds.length ? [{ personId: 'p1', from: '2022-01-01', to: '2027-12-31' }] : [],
    networking: [{ date: ago(30, asOf), event: 'South West regional networking day' }],
  };
}

export interface MakeSettingOptions {
  /** Staff rows st1..stN; staffCount defaults to the same number. */
  staff?: number;
  staffCount?: number;
  trained?: number;
  members?: number;
  level3?: number;
  inspections?: InspectionFact[];
}

export function makeSetting(options: MakeSettingOptions = {}): SettingFacts {
  const { staff = 4, staffCount = staff, trained = 2, members = 1, level3 = 1 } = options;
  const ids = Array.from({ length: staff }, (_, i) => `st${i + 1}`);
  return {
    settingId: 'setting-1',
    staffCount,
    staff: ids.map((id) => ({ staffId: `staff-${id}`, personId: id, name: `Person ${id}`, startDate: '2021-09-01', endDate: null })),
    memberships: ids.slice(0, members).map((id) => membership(id)),
    completions: ids.slice(0, trained).map((id) => completion(id)),
    inspections: options.inspections ?? [{ date: '2023-11-14', grade: 'good' }],
    qualifications: ids.slice(0, level3).map((id) => ({ personId: id, kind: 'level3', status: 'working_towards', date: null })),
  };
}

/** The same facts with every array in another order, from a seed, so tests can show order never matters. */
export function shuffled<T extends object>(facts: T, seed: number): T {
  let state = seed >>> 0 || 1;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const shuffle = <U>(items: U[]): U[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return Object.fromEntries(Object.entries(facts).map(([key, value]) => [key, Array.isArray(value) ? shuffle(value) : value])) as T;
}
