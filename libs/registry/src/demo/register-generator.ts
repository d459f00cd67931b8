import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, IsoDate } from '@npa/platform';

/**
 * Builds a realistic register at a chosen scale (1 = the NPA today: 100 services with 15 staff each,
 * 500 settings with 5 staff each, a year of fortnightly supervision, about 6,000 completions),
 * reproducibly from a seed, with multi-row inserts. Some services are made to fail on purpose (too few
 * members, a missed supervision, an untrained starter) so the register looks like a living one.
 */
export interface GeneratorOptions {
  scale: number;
  seed: number;
  today: IsoDate;
  /** Settings per service (5 at national scale). */
  settingsPerService?: number;
  /**
   * Real local authorities to place services in (from the reference table), so the snapshot's coverage
   * and regions mean something; without them services get made-up councils.
   */
  authorities?: readonly { name: string; region: string }[];
}

export interface GeneratedCounts {
  services: number;
  teamMembers: number;
  settings: number;
  settingStaff: number;
  supervisionSessions: number;
  completions: number;
  people: number;
  /** The services and settings it made, for generators that build on them (awards, demo users). */
  serviceIds: string[];
  settingIds: string[];
  /** The trainers' people, so the demo can give each a sign-in that sees their own workshops. */
  trainerPeople: { trainerId: string; name: string; email: string }[];
  /** Its own workshop that ended last, whose certificates the demo asks for: never one the database held before. */
  latestWorkshopId: string | null;
}

const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];
const FIRST = ['Alex', 'Bea', 'Cal', 'Dina', 'Ed', 'Fran', 'Gus', 'Hana', 'Ira', 'Jo', 'Kit', 'Lou', 'Mo', 'Nia', 'Oli', 'Pat', 'Quin', 'Rae', 'Sol', 'Tam'];
const LAST = [
  'Ahmed',
  'Brown',
  'Clarke',
  'Davies',
  'Evans',
  'Green',
  'Hughes',
  'Jones',
  'Khan',
  'Lewis',
  'Morris',
  'Patel',
  'Roberts',
  'Smith',
  'Taylor',
  'Walker',
  'Wright',
  'Young',
];
const TOWNS = ['Portsmouth', 'Aylesbury', 'Leeds', 'Derby', 'Walsall', 'Norwich', 'Hackney', 'Reading', 'Exeter', 'Durham', 'Preston', 'Hull'];

/** mulberry32: small, fast and the same sequence for the same seed everywhere. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

function shuffled<T>(items: readonly T[], rnd: ReturnType<typeof random>): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Multi-row inserts of plain rows, 5,000 at a time, through jsonb_to_recordset. */
export async function insertRows(manager: EntityManager, table: string, columns: Record<string, string>, rows: Record<string, unknown>[]): Promise<void> {
  const names = Object.keys(columns);
  const spec = names.map((n) => `${n} ${columns[n]}`).join(', ');
  for (let i = 0; i < rows.length; i += 5000) {
    await manager.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${spec})`, [
      JSON.stringify(rows.slice(i, i + 5000)),
    ]);
  }
}

export async function generateRegister(dataSource: DataSource, options: GeneratorOptions): Promise<GeneratedCounts> {
  const rnd = random(options.seed);
  const { today } = options;
  const day = (n: number) => addDays(today, -n);
  const serviceCount = Math.max(1, Math.round(100 * options.scale));
  const settingsPerService = options.settingsPerService ?? 5;
  const tag = `${options.seed}-${Date.now().toString(36)}`;

  const people: Record<string, unknown>[] = [];
  const person = (kind: string) => {
    const id = randomUUID();
    people.push({ id, name: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`, email: `${kind}${people.length}.${tag}@demo.portage.example` });
    return id;
  };
  const services: Record<string, unknown>[] = [];
  const team: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  const inductions: Record<string, unknown>[] = [];
  const networking: Record<string, unknown>[] = [];
  const sessions: Record<string, unknown>[] = [];
  const participants: Record<string, unknown>[] = [];
  const trained: string[] = [];
  const membership = (personId: string, lapsed = false) =>
    memberships.push({
      id: randomUUID(),
      person_id: personId,
      number: `NPA-${10000 + memberships.length}`,
      start_date: day(300 + rnd.int(300)),
      end_date: lapsed ? day(1 + rnd.int(60)) : addDays(today, 30 + rnd.int(330)),
    });

  const [{ n: firstNumber }] = await dataSource.query<{ n: string }[]>(`SELECT nextval('service_registration_seq') AS n`);
  // Each service in its own authority while there are authorities left, as the NPA's register is.
  const places = shuffled(options.authorities ?? [], rnd);
  for (let s = 0; s < serviceCount; s++) {
    const serviceId = randomUUID();
    const place = places.length > 0 ? places[s % places.length] : null;
    const town = place?.name ?? rnd.pick(TOWNS);
    // Most services were registered years ago; about one in twenty joined within the last year.
    const registeredOn = rnd.chance(0.05) ? day(30 + rnd.int(300)) : day(800 + rnd.int(4000));
    services.push({
      id: serviceId,
      name: `${town} Portage Service${places.length > 0 && s < places.length ? '' : ` ${s + 1}`}`,
      local_authority: `${town} Council`,
      region: place?.region ?? REGIONS[s % REGIONS.length],
      age_range: rnd.pick(['0-3', '0-4', '0-5']),
      registration_number: `NPA-S-${String(Number(firstNumber) + s).padStart(5, '0')}`,
      registered_on: registeredOn,
      version: 1,
    });
    // A few services are in trouble on purpose: too few members, a missed supervision, an untrained starter.
    const fewMembers = rnd.chance(0.15);
    const missedSupervision = rnd.chance(0.15);
    const staff: { id: string; role: string; start: IsoDate }[] = [];
    for (let m = 0; m < 15; m++) {
      const role = m === 0 ? 'manager' : m < 3 ? 'supervisor' : 'practitioner';
      const newStarter = role === 'practitioner' && rnd.chance(0.08);
      const start = newStarter ? day(20 + rnd.int(200)) : day(400 + rnd.int(2000));
      const id = person('staff');
      staff.push({ id, role, start });
      const fte = role === 'practitioner' ? rnd.pick([0.5, 0.6, 0.8, 1]) : 1;
      team.push({
        id: randomUUID(),
        service_id: serviceId,
        person_id: id,
        role,
        fte,
        caseload: role === 'practitioner' ? Math.floor(17 * fte) - rnd.int(4) : 0,
        start_date: start,
        end_date: null,
      });
      if (!fewMembers || m < 2) if (rnd.chance(fewMembers ? 1 : 0.6)) membership(id, rnd.chance(0.05));
      if (!newStarter || rnd.chance(0.85)) trained.push(id);
      if (newStarter && rnd.chance(0.9))
        inductions.push({ id: randomUUID(), person_id: id, completed_on: addDays(start, 60 + rnd.int(20)) < today ? addDays(start, 60 + rnd.int(20)) : today });
    }
    // A year of fortnightly group supervision; a missed one leaves a three-week gap near the end.
    const practitioners = staff.filter((x) => x.role === 'practitioner');
    for (let d = missedSupervision ? 21 : rnd.int(10); d <= 365; d += 14) {
      const sessionId = randomUUID();
      sessions.push({ id: sessionId, service_id: serviceId, date: day(d), supervisor_id: staff[1 + rnd.int(2)].id });
      for (const p of practitioners) if (p.start <= day(d)) participants.push({ session_id: sessionId, session_date: day(d), practitioner_id: p.id });
    }
    for (let n = rnd.int(3); n >= 0; n--)
      networking.push({
        id: randomUUID(),
        service_id: serviceId,
        date: day(rnd.int(500)),
        event: rnd.pick(['Regional networking day', 'Regional meeting', 'NPA Development Day']),
      });
  }

  // URNs must be unique across runs too: start each run's block somewhere new.
  const urnBase = 1_000_000 + (Date.now() % 8_000_000);
  const settings: Record<string, unknown>[] = [];
  const settingStaff: Record<string, unknown>[] = [];
  const inspections: Record<string, unknown>[] = [];
  for (let i = 0; i < serviceCount * settingsPerService; i++) {
    const settingId = randomUUID();
    const town = rnd.pick(TOWNS);
    settings.push({
      id: settingId,
      name: `${rnd.pick(['Little Steps', 'Acorns', 'Rainbow', 'Sunflower', 'Ladybird'])} ${rnd.pick(['Nursery', 'Pre-school', 'Childminding'])} ${i + 1}`,
      ofsted_urn: `EY${urnBase + i}`,
      kind: rnd.pick(['nursery', 'childminder', 'preschool']),
      staff_count: 5,
      local_area: town,
      version: 1,
    });
    inspections.push({
      id: randomUUID(),
      setting_id: settingId,
      date: day(100 + rnd.int(1000)),
      grade: rnd.pick(['outstanding', 'good', 'good', 'good', 'requires_improvement']),
      status: 'recorded',
      report_url: null,
    });
    // One setting in ten has proposed a newer inspection, waiting for NPA staff to confirm it.
    if (i % 10 === 0)
      inspections.push({
        id: randomUUID(),
        setting_id: settingId,
        date: day(20),
        grade: 'outstanding',
        status: 'proposed',
        report_url: `https://reports.ofsted.gov.uk/provider/16/EY${urnBase + i}`,
      });
    for (let k = 0; k < 5; k++) {
      const id = person('setting');
      settingStaff.push({ id: randomUUID(), setting_id: settingId, person_id: id, start_date: day(30 + rnd.int(1500)), end_date: null });
      if (k < 2 || rnd.chance(0.1)) trained.push(id);
      if (k === 0 && rnd.chance(0.9)) membership(id);
    }
  }

  // Trainers: one for about every ten services; one in ten lets accreditation lapse, so training
  // recorded after it does not count.
  const trainerCount = Math.max(2, Math.round(serviceCount / 10));
  const trainers: Record<string, unknown>[] = [];
  const accreditations: Record<string, unknown>[] = [];
  for (let t = 0; t < trainerCount; t++) {
    const id = randomUUID();
    trainers.push({ id, person_id: person('trainer') });
    accreditations.push({ id: randomUUID(), trainer_id: id, accredited_from: day(3000), accredited_to: t % 10 === 9 ? day(800) : addDays(today, 400) });
  }
  const trainerPeople = trainers.map((t) => {
    const { name, email } = people.find((p) => p.id === t.person_id) as { name: string; email: string };
    return { trainerId: t.id as string, name, email };
  });
  const workshops: Record<string, unknown>[] = [];
  let latest: { id: string; end: IsoDate } | null = null;
  const attendees: Record<string, unknown>[] = [];
  const outcomes: Record<string, unknown>[] = [];
  const target = Math.round(6000 * options.scale);
  while (trained.length < target) trained.push(person('attendee'));
  for (let i = 0; i < trained.length; i += 20) {
    const workshopId = randomUUID();
    const end = day(30 + rnd.int(700));
    if (!latest || end > latest.end) latest = { id: workshopId, end };
    workshops.push({
      id: workshopId,
      trainer_id: trainers[(i / 20) % trainers.length].id,
      start_date: addDays(end, -1),
      end_date: end,
      venue: `${rnd.pick(TOWNS)} Children's Centre`,
      online: false,
      capacity: 20,
    });
    for (const personId of trained.slice(i, i + 20)) {
      attendees.push({ id: randomUUID(), workshop_id: workshopId, person_id: personId });
      outcomes.push({
        id: randomUUID(),
        workshop_id: workshopId,
        person_id: personId,
        outcome: 'completed',
        certificate_code: `DEMO-${outcomes.length}-${tag}`,
      });
    }
  }

  await dataSource.transaction(async (m) => {
    await insertRows(m, 'people', { id: 'uuid', name: 'text', email: 'text' }, people);
    await insertRows(
      m,
      'services',
      {
        id: 'uuid',
        name: 'text',
        local_authority: 'text',
        region: 'text',
        age_range: 'text',
        registration_number: 'text',
        registered_on: 'date',
        version: 'int',
      },
      services,
    );
    await insertRows(
      m,
      'team_members',
      { id: 'uuid', service_id: 'uuid', person_id: 'uuid', role: 'text', fte: 'numeric', caseload: 'int', start_date: 'date', end_date: 'date' },
      team,
    );
    await insertRows(m, 'memberships', { id: 'uuid', person_id: 'uuid', number: 'text', start_date: 'date', end_date: 'date' }, memberships);
    await insertRows(m, 'inductions', { id: 'uuid', person_id: 'uuid', completed_on: 'date' }, inductions);
    await insertRows(m, 'networking_attendance', { id: 'uuid', service_id: 'uuid', date: 'date', event: 'text' }, networking);
    await insertRows(m, 'supervision_sessions', { id: 'uuid', service_id: 'uuid', date: 'date', supervisor_id: 'uuid' }, sessions);
    await insertRows(m, 'supervision_participants', { session_id: 'uuid', session_date: 'date', practitioner_id: 'uuid' }, participants);
    await insertRows(
      m,
      'settings',
      { id: 'uuid', name: 'text', ofsted_urn: 'text', kind: 'text', staff_count: 'int', local_area: 'text', version: 'int' },
      settings,
    );
    await insertRows(m, 'inspections', { id: 'uuid', setting_id: 'uuid', date: 'date', grade: 'text', status: 'text', report_url: 'text' }, inspections);
    await insertRows(m, 'setting_staff', { id: 'uuid', setting_id: 'uuid', person_id: 'uuid', start_date: 'date', end_date: 'date' }, settingStaff);
    await insertRows(m, 'trainers', { id: 'uuid', person_id: 'uuid' }, trainers);
    await insertRows(m, 'trainer_accreditations', { id: 'uuid', trainer_id: 'uuid', accredited_from: 'date', accredited_to: 'date' }, accreditations);
    await insertRows(
      m,
      'workshops',
      { id: 'uuid', trainer_id: 'uuid', start_date: 'date', end_date: 'date', venue: 'text', online: 'boolean', capacity: 'int' },
      workshops,
    );
    await insertRows(m, 'workshop_attendees', { id: 'uuid', workshop_id: 'uuid', person_id: 'uuid' }, attendees);
    await insertRows(m, 'workshop_outcomes', { id: 'uuid', workshop_id: 'uuid', person_id: 'uuid', outcome: 'text', certificate_code: 'text' }, outcomes);
    await m.query(`SELECT setval('service_registration_seq', $1)`, [Number(firstNumber) + serviceCount - 1]);
  });
  return {
    services: services.length,
    teamMembers: team.length,
    settings: settings.length,
    settingStaff: settingStaff.length,
    supervisionSessions: sessions.length,
    completions: outcomes.length,
    people: people.length,
    serviceIds: services.map((x) => x.id as string),
    settingIds: settings.map((x) => x.id as string),
    trainerPeople,
    latestWorkshopId: latest?.id ?? null,
  };
}
