import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { addDays, todayIn } from '@npa/platform';
import { FactsLoader, SERVICE_QUERIES, SETTING_QUERIES } from '@npa/compliance';
import { bootApi } from './support/boot';
import { http, signedIn, SignedIn } from './support/people';
import { registerBuilder } from './support/register';

interface Rule {
  id: string;
  level: string;
  outcome: string;
  explanation: string;
  facts: Record<string, unknown>;
}
const rule = (body: { rules: Rule[] }, id: string) => body.rules.find((r) => r.id === id)!;
// Rows come in whatever order each plan gives; the rules do not depend on it.
const sorted = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sorted).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sorted(v)]))
      : value;

// Snapshots refused by the database while `run` runs: a trigger made by the database's owner (behind the
// app's back) raises for each row `condition` (plpgsql, over NEW) holds for; `declare` adds variables.
async function refusingSnapshots(condition: string, run: () => Promise<void>, declare = '') {
  const owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  try {
    await owner.query(`CREATE FUNCTION refuse_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
      ${declare} BEGIN IF ${condition} THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await owner.query('CREATE TRIGGER refuse_snapshot BEFORE INSERT ON compliance_snapshots FOR EACH ROW EXECUTE FUNCTION refuse_snapshot()');
    await run();
  } finally {
    await owner.query('DROP TRIGGER IF EXISTS refuse_snapshot ON compliance_snapshots');
    await owner.query('DROP FUNCTION IF EXISTS refuse_snapshot()');
    await owner.end();
  }
}

/**
 * `count` nurseries added behind the app's back (by the database's owner) while `run` runs: enough for a
 * sweep to store its snapshots in several chunks. Removed afterwards, with any snapshots of theirs.
 */
async function withManySettings(count: number, run: () => Promise<void>) {
  const owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  const urn = `MANY-${randomUUID().slice(0, 8)}-`;
  try {
    await owner.query(
      `INSERT INTO settings (name, ofsted_urn, kind, staff_count, version) SELECT 'Nursery ' || n, $1 || n, 'nursery', 4, 1 FROM generate_series(1, $2::int) n`,
      [urn, count],
    );
    await run();
  } finally {
    await owner.query(`DELETE FROM compliance_snapshots WHERE subject_id IN (SELECT id FROM settings WHERE ofsted_urn LIKE $1 || '%')`, [urn]);
    await owner.query(`DELETE FROM settings WHERE ofsted_urn LIKE $1 || '%'`, [urn]);
    await owner.end();
  }
}

describe('Registration compliance through HTTP', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let build: ReturnType<typeof registerBuilder>;
  const today = todayIn('Europe/London', new Date());
  const ago = (n: number) => addDays(today, -n);
  const snapshotsOn = async (asOf: string) =>
    (await app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM compliance_snapshots WHERE as_of = $1', [asOf]))[0].n;
  /** An NPA admin's sweep as of `asOf` (today when absent), answered with `status`. */
  const sweep = (asOf: string | undefined, status: number) =>
    http(app)
      .post('/compliance/snapshots')
      .set(admin.auth)
      .send(asOf ? { asOf } : {})
      .expect(status);
  let service: { id: string };
  let practitioners: { id: string; name: string }[];
  let memberships: { id: string; personId: string }[];
  let members: { id: string; personId: string }[];

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
    build = registerBuilder(app, admin);

    // Five practitioners and a supervisor, trained two years ago by an accredited trainer.
    service = await build.service({ name: 'Harbour Portage' });
    practitioners = [];
    members = [];
    for (const name of ['Ada', 'Ben', 'Cara', 'Dev', 'Eli']) {
      const person = await build.person(`${name} Practitioner`);
      practitioners.push(person);
      members.push(await build.member(service.id, person.id, { startDate: ago(700), fte: 1, caseload: 15 }));
    }
    const supervisor = await build.person('Sue Supervisor');
    await build.member(service.id, supervisor.id, { role: 'supervisor', startDate: ago(700), caseload: 0 });

    const trainerPerson = await build.person('Tess Trainer');
    const trainer = await build.post('/trainers', { personId: trainerPerson.id, accreditedFrom: ago(1000), accreditedTo: addDays(today, 365) });
    const workshop = await build.post('/workshops', { trainerId: trainer.id, startDate: ago(690), endDate: ago(689), venue: 'Harbour Centre', capacity: 10 });
    for (const person of [...practitioners, supervisor]) {
      await build.post(`/workshops/${workshop.id}/attendees`, { personId: person.id });
      await build.post(`/workshops/${workshop.id}/outcomes`, { personId: person.id, outcome: 'completed' });
    }
    // Three current members; fortnightly group supervision reaching back past the 90-day window.
    memberships = [];
    for (const p of practitioners.slice(0, 3)) memberships.push(await build.membership(p.id, ago(200), addDays(today, 165)));
    for (let d = 0; d <= 100; d += 14) {
      await build.post(`/services/${service.id}/supervision-sessions`, {
        date: ago(d),
        supervisorId: supervisor.id,
        practitionerIds: practitioners.map((p) => p.id),
      });
    }
    await build.post(`/services/${service.id}/networking-attendance`, { date: ago(60), event: 'Regional networking day' });
  }, 60_000);

  afterAll(async () => app?.close());

  it('returns every rule once, explained, with a compliant status today', async () => {
    const response = await http(app).get(`/services/${service.id}/compliance`).set(admin.auth).expect(200);
    expect(response.body).toMatchObject({ serviceId: service.id, asOf: today, status: 'compliant', parameterVersion: expect.any(Number) });
    expect(response.body.rules.map((r: Rule) => r.id)).toEqual([
      'SR-MEMBERSHIP',
      'SR-WORKSHOP',
      'SR-SUPERVISION',
      'SR-SUPERVISOR-TRAINED',
      'SR-INDUCTION',
      'SR-CASELOAD',
      'SR-ACCREDITED-TRAINER',
      'SR-LEVEL3',
      'SR-NETWORKING',
    ]);
    expect(rule(response.body, 'SR-MEMBERSHIP')).toMatchObject({ level: 'essential', outcome: 'pass' });
    expect(rule(response.body, 'SR-MEMBERSHIP').explanation).toMatch(/3 of 6/);
    expect(rule(response.body, 'SR-WORKSHOP').outcome).toBe('pass');
    expect(rule(response.body, 'SR-SUPERVISION').outcome).toBe('pass');
    expect(rule(response.body, 'SR-INDUCTION').outcome).toBe('not_applicable');
    expect(rule(response.body, 'SR-LEVEL3')).toMatchObject({ level: 'desirable', outcome: 'fail' });
  });

  it('fails SR-MEMBERSHIP once a membership lapses, but not when asked about a date before', async () => {
    await http(app)
      .patch(`/people/${memberships[0].personId}/memberships/${memberships[0].id}`)
      .set(admin.auth)
      .send({ endDate: ago(3) })
      .expect(200);
    const now = await http(app).get(`/services/${service.id}/compliance`).set(admin.auth).expect(200);
    expect(now.body.status).toBe('non_compliant');
    expect(rule(now.body, 'SR-MEMBERSHIP')).toMatchObject({ outcome: 'fail' });
    expect(rule(now.body, 'SR-MEMBERSHIP').explanation).toMatch(/2 of 6.*at least 3/);

    const earlier = await http(app)
      .get(`/services/${service.id}/compliance?asOf=${ago(10)}`)
      .set(admin.auth)
      .expect(200);
    expect(earlier.body).toMatchObject({ asOf: ago(10), status: 'compliant' });
    expect(rule(earlier.body, 'SR-MEMBERSHIP').outcome).toBe('pass');
  });

  it('fails SR-SUPERVISION when asked about a date 15 days after a session', async () => {
    const response = await http(app)
      .get(`/services/${service.id}/compliance?asOf=${addDays(today, 15)}`)
      .set(admin.auth)
      .expect(200);
    expect(rule(response.body, 'SR-SUPERVISION').outcome).toBe('fail');
  });

  it('previews a what-if without saving anything', async () => {
    const before = await app.get(DataSource).query('SELECT count(*)::int AS n FROM team_members WHERE service_id = $1 AND end_date IS NULL', [service.id]);
    const response = await http(app)
      .post(`/services/${service.id}/compliance/what-if`)
      .set(admin.auth)
      .send({ changes: [{ kind: 'new_starter', name: 'Fay New', role: 'practitioner', fte: 1, caseload: 5, startDate: ago(1), isMember: true }] })
      .expect(200);
    expect(response.body).toMatchObject({ statusNow: 'non_compliant', status: 'compliant' });
    expect(response.body.changedRules).toEqual(expect.arrayContaining([{ id: 'SR-MEMBERSHIP', from: 'fail', to: 'pass' }]));
    const after = await app.get(DataSource).query('SELECT count(*)::int AS n FROM team_members WHERE service_id = $1 AND end_date IS NULL', [service.id]);
    expect(after).toEqual(before);

    await http(app)
      .post(`/services/${service.id}/compliance/what-if`)
      .set(admin.auth)
      .send({ changes: [{ kind: 'member_leaves', endDate: today }] })
      .expect(400);
  });

  it("answers 404 to another service's manager and lets the own manager see it", async () => {
    const other = await build.service();
    const stranger = await signedIn(app, 'service_manager', other.id);
    await http(app).get(`/services/${service.id}/compliance`).set(stranger.auth).expect(404);
    await http(app)
      .post(`/services/${service.id}/compliance/what-if`)
      .set(stranger.auth)
      .send({ changes: [{ kind: 'member_leaves', memberId: members[0].id, endDate: today }] })
      .expect(404);
    const own = await signedIn(app, 'service_manager', service.id);
    await http(app).get(`/services/${service.id}/compliance`).set(own.auth).expect(200);
    await http(app).get('/compliance').set(own.auth).expect(403);
  });

  it('refuses a malformed asOf with 400', async () => {
    const response = await http(app).get(`/services/${service.id}/compliance?asOf=2025-02-30`).set(admin.auth).expect(400);
    expect(response.body.details).toEqual([{ field: 'asOf', problem: 'must be a date written YYYY-MM-DD' }]);
  });

  it('lists every service with counts per failing rule for NPA staff', async () => {
    const response = await http(app).get('/compliance?status=non_compliant&rule=SR-MEMBERSHIP&pageSize=500').set(admin.auth).expect(200);
    expect(response.body.items.map((i: { serviceId: string }) => i.serviceId)).toContain(service.id);
    expect(response.body.counts.failingByRule['SR-MEMBERSHIP']).toBeGreaterThanOrEqual(1);
  });

  it('stores snapshots only when something changed, and shows them as history', async () => {
    await sweep(ago(10), 201);
    await sweep(undefined, 201);
    const again = await sweep(undefined, 201);
    expect(again.body.changed).toBe(0);
    const history = await http(app).get(`/services/${service.id}/compliance/history`).set(admin.auth).expect(200);
    expect(history.body.map((h: { asOf: string; status: string }) => [h.asOf, h.status])).toEqual([
      [ago(10), 'compliant'],
      [today, 'non_compliant'],
    ]);
    expect(history.body[1].changedRules).toEqual([{ id: 'SR-MEMBERSHIP', from: 'pass', to: 'fail' }]);
  });

  it("keeps in a snapshot each rule's outcome and explanation as the service was told them that day, not the facts behind them", async () => {
    await sweep(undefined, 201);
    const told = (await http(app).get(`/services/${service.id}/compliance`).set(admin.auth).expect(200)).body as { rules: Rule[] };
    expect(told.rules.every((r) => typeof r.facts === 'object')).toBe(true);
    const [stored] = await app
      .get(DataSource)
      .query<{ results: Record<string, unknown>[]; people: string[] }[]>(
        'SELECT results, people FROM compliance_snapshots WHERE subject_id = $1 ORDER BY as_of DESC, created_at DESC LIMIT 1',
        [service.id],
      );
    expect(stored.results).toEqual(told.rules.map(({ id, level, outcome, explanation }) => ({ id, level, outcome, explanation })));
    // ...and whom the facts named, by which a person's snapshots are found (subject access, retention).
    const named = new Set(JSON.stringify(told.rules.map((r) => r.facts)).match(/(?<="personId":")[0-9a-f-]{36}/g));
    expect(named.size).toBeGreaterThan(0);
    expect([...stored.people].sort()).toEqual([...named].sort());
  });

  it('stores every snapshot of a sweep or none: one refused by the database fails it, and the others are not kept', async () => {
    // The service's snapshot is refused (it has none on or before that date, so one is due).
    await refusingSnapshots(`NEW.subject_id = '${service.id}'`, async () => {
      await sweep(ago(20), 500);
      expect(await snapshotsOn(ago(20))).toBe(0);
    });
    const swept = await sweep(ago(20), 201);
    expect(swept.body.changed).toBeGreaterThan(0);
    expect(await snapshotsOn(ago(20))).toBe(swept.body.changed);
  });

  it('undoes the chunks already stored when a later chunk of the same sweep is refused', async () => {
    // Enough settings for the sweep to store its snapshots in several chunks (250 subjects each), one of
    // a later chunk refused: the first has been taken in by then, and must not be kept.
    await withManySettings(1100, () =>
      // The 601st snapshot stored in one transaction is refused: never in the first chunk.
      refusingSnapshots(
        // set_config counts the rows this transaction has stored (it returns the count, never '').
        `set_config('npa.test_snapshots', n::text, true) <> '' AND n > 600`,
        async () => {
          await sweep(ago(25), 500);
          expect(await snapshotsOn(ago(25))).toBe(0);
        },
        `DECLARE n int := coalesce(nullif(current_setting('npa.test_snapshots', true), ''), '0')::int + 1;`,
      ),
    );
  });

  it('stops storing and rolls back when evaluating fails part way, leaving its connection fit for the next sweep', async () => {
    // Enough settings for the sweep to have begun storing (250 subjects at a time) before the services'
    // facts fail to load: the COPY under way must be stopped for the rollback to be sent at all.
    const services = jest.spyOn(app.get(FactsLoader), 'services').mockRejectedValueOnce(new Error('services unreadable'));
    try {
      await withManySettings(600, async () => {
        await sweep(ago(27), 500);
        expect(services).toHaveBeenCalled();
        expect(await snapshotsOn(ago(27))).toBe(0);
        const swept = await sweep(ago(27), 201);
        expect(swept.body.changed).toBeGreaterThanOrEqual(600);
        expect(await snapshotsOn(ago(27))).toBe(swept.body.changed);
      });
    } finally {
      services.mockRestore();
    }
  });

  it('versions the rule parameters, audited, and names the version each evaluation used', async () => {
    const start = await http(app).get('/compliance/parameters').set(admin.auth).expect(200);
    const changed = await http(app).put('/compliance/parameters').set(admin.auth).send({ membershipMinimum: 2 }).expect(200);
    expect(changed.body.version).toBe(start.body.version + 1);
    try {
      const response = await http(app).get(`/services/${service.id}/compliance`).set(admin.auth).expect(200);
      expect(response.body).toMatchObject({ parameterVersion: changed.body.version, status: 'compliant' });
      await http(app).put('/compliance/parameters').set(admin.auth).send({ membershipMinimum: 'three', noSuch: 1 }).expect(400);
      const reviewer = await signedIn(app, 'npa_reviewer');
      await http(app).put('/compliance/parameters').set(reviewer.auth).send({ membershipMinimum: 3 }).expect(403);
    } finally {
      await http(app).put('/compliance/parameters').set(admin.auth).send({ membershipMinimum: 3 }).expect(200);
    }
    const audit = await http(app).get(`/audit?entity=rule_parameters&id=${changed.body.version}`).set(admin.auth).expect(200);
    expect(audit.body.items[0]).toMatchObject({ before: { membershipMinimum: 3 }, after: { membershipMinimum: 2 } });
  });

  it('computes SA-OFSTED, SA-TRAINED and SA-MEMBER for a setting', async () => {
    const setting = await build.setting({ staffCount: 6 });
    await build.post(`/settings/${setting.id}/inspections`, { date: ago(400), grade: 'good' });
    const first = await http(app).get(`/settings/${setting.id}/compliance`).set(admin.auth).expect(200);
    expect(first.body.rules.map((r: Rule) => [r.id, r.outcome])).toEqual([
      ['SA-OFSTED', 'pass'],
      ['SA-TRAINED', 'fail'],
      ['SA-MEMBER', 'fail'],
      ['SA-LEVEL3', 'fail'],
    ]);
    // Two practitioners of the service, trained above, join the setting's staff; one is a member.
    for (const p of practitioners.slice(1, 3)) await build.post(`/settings/${setting.id}/staff`, { personId: p.id, startDate: ago(30) });
    const second = await http(app).get(`/settings/${setting.id}/compliance`).set(admin.auth).expect(200);
    expect(second.body.rules.slice(0, 3).map((r: Rule) => r.outcome)).toEqual(['pass', 'pass', 'pass']);
  });

  it('loads the same facts for one subject (prepared statements), a few, and the whole register', async () => {
    // One subject's facts come from one prepared statement written `= ($1)[1]`, a few from `= ANY($1)`,
    // the register's from `$1 IS NULL`: three texts of each query, which must find the same rows.
    const facts = app.get(FactsLoader);
    const other = await build.service({ name: 'Other Portage' });
    const setting = await build.setting({ staffCount: 4 });
    await build.post(`/settings/${setting.id}/inspections`, { date: ago(100), grade: 'good' });
    for (const p of practitioners.slice(0, 2)) await build.post(`/settings/${setting.id}/staff`, { personId: p.id, startDate: ago(30) });
    for (let run = 0; run < 7; run += 1) {
      // Past PostgreSQL's five custom plans, so the kept generic plan is the one compared.
      const [alone, few, all] = await Promise.all([
        facts.services([service.id], today),
        facts.services([service.id, other.id], today),
        facts.services(null, today),
      ]);
      expect(alone.get(service.id)!.team).toHaveLength(6);
      expect(sorted(alone.get(service.id))).toEqual(sorted(few.get(service.id)));
      expect(sorted(alone.get(service.id))).toEqual(sorted(all.get(service.id)));
      const [settingAlone, settingAll] = await Promise.all([facts.settings([setting.id], today), facts.settings(null, today)]);
      expect(settingAlone.get(setting.id)!.staff).toHaveLength(2);
      expect(sorted(settingAlone.get(setting.id))).toEqual(sorted(settingAll.get(setting.id)));
    }
    expect((await facts.services([other.id], today)).get(other.id)).toMatchObject({ team: [], supervision: [] });
  });

  it('answers a read asked while a read of the whole register as of the same date is in flight from that read', async () => {
    // The daily sweep reads every setting for the snapshots while a reminder kind asks for them too.
    const facts = app.get(FactsLoader);
    const setting = await build.setting({ staffCount: 3 });
    await build.post(`/settings/${setting.id}/staff`, { personId: practitioners[0].id, startDate: ago(10) });
    const [all, some, again, otherDay] = await Promise.all([
      facts.settings(null, today),
      facts.settings([setting.id], today),
      facts.settings(null, today),
      facts.settings([setting.id], ago(5)),
    ]);
    expect(some.size).toBe(1);
    expect(some.get(setting.id)).toBe(all.get(setting.id));
    expect(again).toBe(all);
    expect(otherDay.get(setting.id)).not.toBe(all.get(setting.id));
    // Once it has answered, a read is its own again: it sees what changed since.
    await build.post(`/settings/${setting.id}/staff`, { personId: practitioners[1].id, startDate: ago(3) });
    const later = await facts.settings([setting.id], today);
    expect(later.get(setting.id)!.staff).toHaveLength(2);
    expect(all.get(setting.id)!.staff).toHaveLength(1);
    const [services, oneService] = await Promise.all([facts.services(null, today), facts.services([service.id], today)]);
    expect(oneService.get(service.id)).toBe(services.get(service.id));
  });

  it('answers from a whole read after it has ended while a sweep as of that date holds it, and reads again once released', async () => {
    // The award-at-risk kind asks for every setting when PostgreSQL lets it, sometimes after the sweep's read has ended.
    const facts = app.get(FactsLoader);
    const setting = await build.setting({ staffCount: 3 });
    await build.post(`/settings/${setting.id}/staff`, { personId: practitioners[0].id, startDate: ago(10) });
    const { first, afterChange, otherDay } = await facts.holding(today, async () =>
      facts.holding(today, async () => {
        const first = await facts.settings(null, today);
        await build.post(`/settings/${setting.id}/staff`, { personId: practitioners[1].id, startDate: ago(3) });
        return { first, afterChange: await facts.settings([setting.id], today), otherDay: await facts.settings(null, ago(1)) };
      }),
    );
    expect(afterChange.get(setting.id)).toBe(first.get(setting.id));
    expect(first.get(setting.id)!.staff).toHaveLength(1);
    expect(otherDay).not.toBe(first);
    // Released by both holders: a read is its own again.
    const released = await facts.settings(null, today);
    expect(released).not.toBe(first);
    expect(released.get(setting.id)!.staff).toHaveLength(2);
    // A failed work releases too: a read after it is not kept for the next.
    await expect(facts.holding(today, async () => Promise.reject(new Error('sweep failed')))).rejects.toThrow('sweep failed');
    const afterFailure = await facts.settings(null, today);
    expect(await facts.settings(null, today)).not.toBe(afterFailure);
  });

  it('compresses the snapshots it stores with lz4 (migration CompressSnapshotResultsWithLz4)', async () => {
    const [{ compression }] = await app
      .get(DataSource)
      .query<{ compression: string }[]>(
        `SELECT attcompression AS compression FROM pg_attribute WHERE attrelid = 'compliance_snapshots'::regclass AND attname = 'results'`,
      );
    expect(compression).toBe('l');
  });

  it("takes a service's facts on any date from its facts for every date, the rows the statement reads for that date", async () => {
    const facts = app.get(FactsLoader);
    // Someone who joins part way through, with a membership and an induction from before she joined.
    const late = await build.person('Lia Latecomer');
    await build.membership(late.id, ago(400), addDays(today, 300));
    await build.member(service.id, late.id, { startDate: ago(300), fte: 0.5, caseload: 5 });
    await build.post(`/people/${late.id}/induction`, { completedOn: ago(350) });
    const [{ version }] = await app.get(DataSource).query<{ version: string }[]>('SELECT version FROM register_versions');
    const dates = [1000, 701, 700, 699, 690, 689, 401, 400, 350, 301, 300, 299, 200, 100, 98, 15, 0, -200].map(ago);
    for (const date of dates) {
      const read = (await facts.services([service.id], date)).get(service.id);
      const taken = await facts.serviceAsOf(service.id, date, version);
      expect({ date, facts: sorted(taken) }).toEqual({ date, facts: sorted(read) });
    }
    expect((await facts.services([service.id], ago(300))).get(service.id)!.team.map((m) => m.name)).toContain('Lia Latecomer');
    expect((await facts.services([service.id], ago(301))).get(service.id)!.team.map((m) => m.name)).not.toContain('Lia Latecomer');
    // An id that is no service's is not found, and not kept.
    expect(await facts.serviceAsOf(randomUUID(), today, version)).toBeUndefined();
  });

  it("takes a setting's facts on any date from its facts for every date, the rows the statement reads for that date", async () => {
    const facts = app.get(FactsLoader);
    const setting = await build.setting({ staffCount: 3 });
    await build.post(`/settings/${setting.id}/inspections`, { date: ago(500), grade: 'good' });
    await build.post(`/settings/${setting.id}/inspections`, { date: ago(40), grade: 'outstanding' });
    // Trained two years ago with the service; on the setting's staff from 300 and 60 days ago.
    await build.post(`/settings/${setting.id}/staff`, { personId: practitioners[0].id, startDate: ago(300) });
    await build.post(`/settings/${setting.id}/staff`, { personId: practitioners[3].id, startDate: ago(60) });
    const [{ version }] = await app.get(DataSource).query<{ version: string }[]>('SELECT version FROM register_versions');
    for (const date of [800, 690, 689, 500, 301, 300, 200, 61, 60, 40, 0, -100].map(ago)) {
      const read = (await facts.settings([setting.id], date)).get(setting.id);
      const taken = await facts.settingAsOf(setting.id, date, version);
      expect({ date, facts: sorted(taken) }).toEqual({ date, facts: sorted(read) });
    }
    expect((await facts.settings([setting.id], ago(60))).get(setting.id)!.staff).toHaveLength(2);
    expect(await facts.settingAsOf(randomUUID(), today, version)).toBeUndefined();
  });

  it('keeps an answer only while the register is unchanged: every table the rules read moves the version, once per commit', async () => {
    // The tables the loader's SQL reads (and the rule parameters) are exactly those with the trigger.
    const sql = [SERVICE_QUERIES.one, ...Object.values(SERVICE_QUERIES.all), SETTING_QUERIES.one, ...Object.values(SETTING_QUERIES.all)].join(' ');
    const read = new Set([...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/g)].map((m) => m[1]));
    read.add('rule_parameter_versions');
    const db = app.get(DataSource);
    const triggered = await db.query<{ relname: string }[]>(
      `SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'register_changed'`,
    );
    expect(triggered.map((t) => t.relname).sort()).toEqual([...read].sort());

    const version = async () => Number((await db.query<{ version: string }[]>('SELECT version FROM register_versions'))[0].version);
    const networking = async () => rule((await http(app).get(`/services/${service.id}/compliance`).set(admin.auth).expect(200)).body, 'SR-NETWORKING').outcome;
    expect(await networking()).toBe('pass');
    expect(await networking()).toBe('pass'); // kept
    // A change made behind the app's back, in one transaction of several statements: one new version.
    const before = await version();
    const [attended] = await db.query<{ date: string; event: string }[]>('SELECT date::text, event FROM networking_attendance WHERE service_id = $1', [
      service.id,
    ]);
    await db.transaction(async (manager) => {
      await manager.query('DELETE FROM networking_attendance WHERE service_id = $1', [service.id]);
      await manager.query('UPDATE services SET name = name WHERE id = $1', [service.id]);
    });
    expect(await version()).toBe(before + 1);
    expect(await networking()).toBe('fail');
    // A transaction that rolls back changes nothing, not even the version.
    await db
      .transaction(async (manager) => {
        await manager.query('INSERT INTO networking_attendance (service_id, date, event) VALUES ($1, $2, $3)', [service.id, attended.date, attended.event]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await version()).toBe(before + 1);
    await db.query('INSERT INTO networking_attendance (service_id, date, event) VALUES ($1, $2, $3)', [service.id, attended.date, attended.event]);
    expect(await networking()).toBe('pass');
  });
});
