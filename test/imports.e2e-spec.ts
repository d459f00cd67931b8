import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parse } from 'csv-parse/sync';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { addDays, todayIn } from '@npa/platform';
import { CSV_BODY_LIMIT, allColumns, IMPORT_KINDS } from '@npa/imports';
import { bootApi } from './support/boot';
import { http, signedIn, SignedIn, uniqueEmail } from './support/people';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], { env: process.env });

/** Every test counts its own people by an email domain nobody else uses. */
const newDomain = () => `imp-${randomUUID().slice(0, 8)}.example.org`;
const csv = (header: string, lines: string[]) => [header, ...lines].join('\n') + '\n';
/** n people; the data row numbered `bad` (1-based, not counting the header) gets an invalid email. */
const peopleCsv = (n: number, domain: string, bad?: number) =>
  csv(
    'name,email',
    Array.from({ length: n }, (_, i) => (i + 1 === bad ? `Person ${i + 1},person-${i + 1}-at-${domain}` : `Person ${i + 1},person-${i + 1}@${domain}`)),
  );

describe('CSV imports and exports of the register', () => {
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let db: DataSource;

  beforeAll(async () => {
    app = await bootApi();
    admin = await signedIn(app, 'npa_admin');
    db = app.get(DataSource);
  });

  afterAll(async () => app?.close());

  const postCsv = (path: string, body: string, auth = admin.auth) => http(app).post(path).set(auth).set('Content-Type', 'text/csv').send(body);
  const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
  const peopleIn = (domain: string) => count(`people WHERE email LIKE $1`, [`%@${domain}`]);
  const newService = async () =>
    (
      await http(app)
        .post('/services')
        .set(admin.auth)
        .send({ name: `Portage ${randomUUID().slice(0, 6)}`, localAuthority: 'Somerset', region: 'South West', ageRange: '0-5' })
        .expect(201)
    ).body as { id: string; registrationNumber: string };
  const newPerson = async (label: string) =>
    (
      await http(app)
        .post('/people')
        .set(admin.auth)
        .send({ name: `Test ${label}`, email: uniqueEmail(label) })
        .expect(201)
    ).body as { id: string; email: string };

  describe('10,000 people with one bad row', () => {
    const bad = 5_001;

    it('dry run: reports exactly that row (5,002 counting the header as row 1) and its column, and changes nothing', async () => {
      const domain = newDomain();
      const response = await postCsv('/imports/people?dryRun=true', peopleCsv(10_000, domain, bad)).expect(200);
      expect(response.body).toEqual({
        kind: 'people',
        dryRun: true,
        rowNumbering: 'as in a spreadsheet: the header is row 1 and the first data row is row 2',
        rows: 10_000,
        valid: 9_999,
        problems: [{ row: bad + 1, column: 'email', problem: `"person-${bad}-at-${domain}" is not a valid email address` }],
        wouldCreate: 9_999,
      });
      expect(await peopleIn(domain)).toBe(0);
    });

    it('real run: answers 400 naming the row, and adds nobody', async () => {
      const domain = newDomain();
      const before = await count('people');
      const response = await postCsv('/imports/people', peopleCsv(10_000, domain, bad)).expect(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringMatching(/^The file has 1 problem; nothing was imported\./),
        details: [{ field: `row ${bad + 1}: email`, problem: `"person-${bad}-at-${domain}" is not a valid email address` }],
      });
      expect(await count('people')).toBe(before);
    });

    it('without the bad row: all 10,000 land, are audited once, and page through GET /people', async () => {
      const domain = newDomain();
      const before = await count('people');
      const response = await postCsv('/imports/people', peopleCsv(10_000, domain)).expect(201);
      expect(response.body).toEqual({ kind: 'people', rows: 10_000, created: 10_000 });
      expect(await count('people')).toBe(before + 10_000);
      expect(await peopleIn(domain)).toBe(10_000);

      const audit = await db.query(`SELECT actor_id, after FROM audit_log WHERE action = 'import.completed' AND after->>'kind' = 'people' AND actor_id = $1`, [
        admin.id,
      ]);
      expect(audit).toEqual([{ actor_id: admin.id, after: { kind: 'people', rows: 10_000, created: 10_000, source: 'api' } }]);

      const seen = new Set<string>();
      for (let page = 1; page <= 21; page++) {
        const list = await http(app)
          .get('/people')
          .query({ q: `@${domain}`, page, pageSize: 500 })
          .set(admin.auth)
          .expect(200);
        expect(list.body).toMatchObject({ page, pageSize: 500, total: 10_000 });
        expect(list.body.items).toHaveLength(page <= 20 ? 500 : 0);
        for (const person of list.body.items as { email: string }[]) seen.add(person.email);
      }
      expect(seen.size).toBe(10_000);
      expect(seen.has(`person-1@${domain}`) && seen.has(`person-10000@${domain}`)).toBe(true);
    }, 60_000);

    it('real run: problems met only after earlier rows were written (a repeat of row 2 far down, a registered email last) are reported as they are, and nothing is kept', async () => {
      const existing = await newPerson('registered-last');
      const domain = newDomain();
      const before = await count('people');
      const lines = peopleCsv(12_000, domain).trimEnd().split('\n');
      lines[11_000] = `Repeat of row 2,PERSON-1@${domain.toUpperCase()}`;
      lines[12_000] = `Registered,${existing.email}`;
      const response = await postCsv('/imports/people', lines.join('\n') + '\n').expect(400);
      // Neither row is said to be on the register because of the file's own rows, written before they were read.
      expect(response.body.details).toEqual([
        { field: 'row 11001: email', problem: `PERSON-1@${domain.toUpperCase()} is already on row 2 of this file` },
        { field: 'row 12001: email', problem: `${existing.email} is already on the register` },
      ]);
      expect(await count('people')).toBe(before);

      const fixed = peopleCsv(12_000, domain);
      await postCsv('/imports/people', fixed).expect(201, { kind: 'people', rows: 12_000, created: 12_000 });
      expect(await count('people')).toBe(before + 12_000);
    }, 60_000);
  });

  it('writes each name exactly as the file spells it: commas, quotes, backslashes, \\N and letters beyond ASCII', async () => {
    const names = ['O\'Brien, "Bea"', 'Back\\slash \\N', '\\N', 'Zoë Ångström 山田', '"Quoted"'];
    const domain = newDomain();
    const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    const file = csv('name,email', names.map((name, i) => `${quoted(name)},p${i}@${domain}`));
    await postCsv('/imports/people', file).expect(201);
    const stored = await db.query<{ name: string; email: string }[]>(`SELECT name, email FROM people WHERE email LIKE $1 ORDER BY email`, [`%@${domain}`]);
    expect(stored).toEqual(names.map((name, i) => ({ name, email: `p${i}@${domain}` })));
  });

  it('refuses an email already on the register or repeated in the file, whatever its case', async () => {
    const existing = await newPerson('existing');
    const domain = newDomain();
    const file = csv('Name,EMAIL', [`Ann,ann@${domain}`, `Again,${existing.email.toUpperCase()}`, `Ann twice,ANN@${domain}`]);
    const response = await postCsv('/imports/people?dryRun=true', file).expect(200);
    expect(response.body.problems).toEqual([
      { row: 3, column: 'email', problem: `${existing.email.toUpperCase()} is already on the register` },
      { row: 4, column: 'email', problem: `ANN@${domain} is already on row 2 of this file` },
    ]);
    const refused = await postCsv('/imports/people', file).expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['row 3: email', 'row 4: email']);
  });

  it('refuses a header with a column it does not know', async () => {
    const response = await postCsv('/imports/people?dryRun=true', csv('name,email,phone', ['Ann,ann@example.org,0123'])).expect(200);
    expect(response.body).toMatchObject({
      rows: 0,
      valid: 0,
      problems: [{ row: 1, column: 'phone', problem: 'is not a column of a people import; the columns are name, email' }],
    });
  });

  it('team: reports a row naming an unknown service or person, then imports the good rows', async () => {
    const service = await newService();
    const person = await newPerson('practitioner');
    const header = 'Service Registration Number,Email,Role,FTE,Caseload,Start Date,End Date';
    const good = `${service.registrationNumber},${person.email},practitioner,0.6,9,2025-01-06,`;
    const file = csv(header, [
      good,
      `NPA-S-99999,${person.email},practitioner,0.5,5,2025-01-06,`,
      `${service.registrationNumber},nobody-${randomUUID()}@example.org,supervisor,1,0,2025-01-06,`,
    ]);
    const dry = await postCsv('/imports/team?dryRun=true', file).expect(200);
    expect(dry.body).toMatchObject({ rows: 3, valid: 1, wouldCreate: 1 });
    expect(dry.body.problems).toEqual([
      { row: 3, column: 'service_registration_number', problem: 'no registered service has the number NPA-S-99999' },
      { row: 4, column: 'email', problem: expect.stringMatching(/^no person on the register has the email nobody-/) },
    ]);
    await postCsv('/imports/team', file).expect(400);

    await postCsv('/imports/team', csv(header, [good])).expect(201, { kind: 'team', rows: 1, created: 1 });
    const team = await http(app).get(`/services/${service.id}/team`).set(admin.auth).expect(200);
    expect(team.body.items).toEqual([
      expect.objectContaining({ personId: person.id, role: 'practitioner', fte: 0.6, caseload: 9, startDate: '2025-01-06', endDate: null }),
    ]);

    const again = await postCsv('/imports/team?dryRun=true', csv(header, [good])).expect(200);
    expect(again.body.problems).toEqual([
      {
        row: 2,
        column: 'start_date',
        problem: `${person.email} already has a post in ${service.registrationNumber} from 2025-01-06, still open; end it first`,
      },
    ]);
  });

  it('memberships: refuses periods that overlap, imports those that do not', async () => {
    const person = await newPerson('member');
    const header = 'email,number,start_date,end_date';
    const overlapping = csv(header, [`${person.email},NPA-1,2024-04-01,2025-03-31`, `${person.email},NPA-2,2025-03-31,2026-03-30`]);
    const dry = await postCsv('/imports/memberships?dryRun=true', overlapping).expect(200);
    expect(dry.body.problems).toEqual([
      { row: 3, column: 'start_date', problem: `${person.email} has another membership on row 2 covering some of these dates` },
    ]);

    const file = csv(header, [`${person.email},NPA-1,2024-04-01,2025-03-31`, `${person.email},NPA-2,2025-04-01,2026-03-31`]);
    await postCsv('/imports/memberships', file).expect(201, { kind: 'memberships', rows: 2, created: 2 });
    const memberships = await http(app).get(`/people/${person.id}/memberships`).set(admin.auth).expect(200);
    expect(memberships.body.map((m: { number: string }) => m.number)).toEqual(['NPA-1', 'NPA-2']);
  });

  it('settings: reports a URN already on the register and one repeated in the file', async () => {
    const urn = () => `EY${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const [taken, fresh] = [urn(), urn()];
    await http(app).post('/settings').set(admin.auth).send({ name: 'Already here', ofstedUrn: taken, kind: 'nursery', staffCount: 5 }).expect(201);
    const header = 'name,ofsted_urn,kind,staff_count,local_area';
    const file = csv(header, [`Again,${taken},nursery,4,`, `Little Acorns,${fresh},preschool,6,Taunton`, `Little Acorns again,${fresh},preschool,6,Taunton`]);
    const dry = await postCsv('/imports/settings?dryRun=true', file).expect(200);
    expect(dry.body.problems).toEqual([
      { row: 2, column: 'ofsted_urn', problem: `URN ${taken} is already on the register (Already here)` },
      { row: 4, column: 'ofsted_urn', problem: `URN ${fresh} is already on row 3 of this file` },
    ]);
    const refused = await postCsv('/imports/settings', file).expect(400);
    expect(refused.body.details).toHaveLength(2);

    await postCsv('/imports/settings', csv(header, [`Little Acorns,${fresh},preschool,6,Taunton`])).expect(201, { kind: 'settings', rows: 1, created: 1 });
    expect(await count('settings WHERE ofsted_urn = $1 AND local_area = $2', [fresh, 'Taunton'])).toBe(1);
  });

  it('supervision: imports group and individual sessions for people on the team that day', async () => {
    const service = await newService();
    const [supervisor, ann, bob, outsider] = await Promise.all(['supervisor', 'ann', 'bob', 'outsider'].map(newPerson));
    const team = csv('service_registration_number,email,role,fte,caseload,start_date,end_date', [
      `${service.registrationNumber},${supervisor.email},supervisor,1,0,2025-01-01,`,
      `${service.registrationNumber},${ann.email},practitioner,1,12,2025-01-01,`,
      `${service.registrationNumber},${bob.email},practitioner,0.5,6,2025-01-01,`,
    ]);
    await postCsv('/imports/team', team).expect(201);

    const header = 'service_registration_number,date,supervisor_email,practitioner_emails';
    const group = `${service.registrationNumber},2025-06-02,${supervisor.email},${ann.email};${bob.email}`;
    const file = csv(header, [group, `${service.registrationNumber},2025-06-16,${supervisor.email},${ann.email}`]);
    await postCsv('/imports/supervision', file).expect(201, { kind: 'supervision', rows: 2, created: 2 });

    const sessions = await http(app).get(`/services/${service.id}/supervision-sessions`).set(admin.auth).expect(200);
    expect(sessions.body.items).toEqual([
      expect.objectContaining({ date: '2025-06-16', supervisorId: supervisor.id, practitionerIds: [ann.id], kind: 'individual' }),
      expect.objectContaining({ date: '2025-06-02', supervisorId: supervisor.id, practitionerIds: expect.arrayContaining([ann.id, bob.id]), kind: 'group' }),
    ]);

    const wrong = csv(header, [
      group,
      `${service.registrationNumber},2025-06-30,${supervisor.email},${outsider.email}`,
      `${service.registrationNumber},2024-06-30,${supervisor.email},${ann.email}`,
    ]);
    const dry = await postCsv('/imports/supervision?dryRun=true', wrong).expect(200);
    expect(dry.body.problems).toEqual([
      { row: 2, column: 'date', problem: 'this session (2025-06-02, the same supervisor and practitioners) is already in the supervision log' },
      { row: 3, column: 'practitioner_emails', problem: `${outsider.email} is not a practitioner in ${service.registrationNumber}'s team on 2025-06-30` },
      { row: 4, column: 'supervisor_email', problem: `${supervisor.email} is not on ${service.registrationNumber}'s team on 2024-06-30` },
      { row: 4, column: 'practitioner_emails', problem: `${ann.email} is not a practitioner in ${service.registrationNumber}'s team on 2024-06-30` },
    ]);
  });

  it('workshop completions: records historic outcomes under the outcome rules, adding named newcomers', async () => {
    const trainerPerson = await newPerson('trainer');
    const trainer = (
      await http(app)
        .post('/trainers')
        .set(admin.auth)
        .send({ personId: trainerPerson.id, accreditedFrom: '2025-01-01', accreditedTo: '2025-12-31' })
        .expect(201)
    ).body as { id: string };
    const workshop = async (startDate: string, endDate: string) =>
      (
        (await http(app).post('/workshops').set(admin.auth).send({ trainerId: trainer.id, startDate, endDate, venue: 'Taunton', capacity: 12 }).expect(201))
          .body as { id: string }
      ).id;
    const accredited = await workshop('2025-03-10', '2025-03-12');
    const unaccredited = await workshop('2024-11-04', '2024-11-06');
    const upcoming = addDays(todayIn('Europe/London', new Date()), 30);
    const future = await workshop(upcoming, upcoming);
    const known = await newPerson('attendee');
    const newcomer = uniqueEmail('newcomer');

    const header = 'workshop_id,email,outcome,name';
    const good = [
      `${accredited},${known.email},completed,`,
      `${accredited},${newcomer},completed,New Comer`,
      `${accredited},${uniqueEmail('dropped')},not_completed,Dropped Out`,
    ];
    const file = csv(header, [
      ...good,
      `${unaccredited},${known.email},completed,`,
      `${accredited},${uniqueEmail('unknown')},completed,`,
      `${future},${known.email},completed,`,
    ]);
    const dry = await postCsv('/imports/workshop-completions?dryRun=true', file).expect(200);
    expect(dry.body.problems).toEqual([
      {
        row: 5,
        column: 'workshop_id',
        problem: 'its trainer was not accredited over the whole workshop (2024-11-04 to 2024-11-06), so its outcomes cannot be recorded',
      },
      { row: 6, column: 'email', problem: expect.stringMatching(/give their name in a name column to add them$/) },
      { row: 7, column: 'workshop_id', problem: `the workshop ends on ${upcoming}; outcomes can be recorded from its last day` },
    ]);

    const response = await postCsv('/imports/workshop-completions', csv(header, good)).expect(201);
    expect(response.body).toEqual({ kind: 'workshop-completions', rows: 3, created: 3, peopleCreated: 2 });
    const detail = await http(app).get(`/workshops/${accredited}`).set(admin.auth).expect(200);
    const line = (email: string) =>
      (detail.body.attendees as { email: string; outcome: string; certificateCode: string | null }[]).find((a) => a.email === email);
    expect(line(known.email)).toMatchObject({ outcome: 'completed', certificateCode: expect.stringMatching(/^NPA-/) });
    expect(line(newcomer)).toMatchObject({ name: 'New Comer', outcome: 'completed' });
    const certificate = await http(app)
      .get(`/certificates/${line(newcomer)?.certificateCode}`)
      .expect(200);
    expect(certificate.body).toMatchObject({ name: 'New Comer', workshopEndDate: '2025-03-12', valid: true });

    const again = await postCsv('/imports/workshop-completions?dryRun=true', csv(header, [good[0]])).expect(200);
    expect(again.body.problems).toEqual([
      { row: 2, column: 'email', problem: `${known.email} already has an outcome (completed) for this workshop; correct it from the workshop's outcomes` },
    ]);
  });

  it('exports people as CSV that imports back: every row is reported as already on the register', async () => {
    const response = await http(app).get('/exports/people.csv').set(admin.auth).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="people.csv"');
    const text = response.text;
    const [header, ...rows] = parse(text);
    expect(header).toEqual(['name', 'email']);
    const total = await count('people');
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r[1].toLowerCase())).size).toBe(total);

    const dry = await postCsv('/imports/people?dryRun=true', text).expect(200);
    expect(dry.body).toMatchObject({ rows: total, valid: 0, wouldCreate: 0 });
    expect(dry.body.problems).toHaveLength(total);
    expect((dry.body.problems as { problem: string }[]).every((p) => p.problem.endsWith('is already on the register'))).toBe(true);
  }, 60_000);

  it('writes no spreadsheet formula into an export: a name starting with =, +, -, @, tab or CR is kept as text', async () => {
    const hostile = ['=HYPERLINK("https://evil.example","Open")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];
    const domain = newDomain();
    const urns = hostile.map((_, i) => `EY${String(900000 + Math.floor(Math.random() * 9000) * 10 + i).padStart(6, '0')}`);
    // The API trims what it is sent, so a leading tab or CR is written straight to the table, as older data may hold it.
    for (const [i, name] of hostile.entries()) {
      const person = await http(app).post('/people').set(admin.auth).send({ name: 'Formula', email: `formula-${i}@${domain}` }).expect(201);
      const setting = await http(app).post('/settings').set(admin.auth).send({ name: 'Formula', ofstedUrn: urns[i], kind: 'nursery', staffCount: 3 }).expect(201);
      await db.query('UPDATE people SET name = $1 WHERE id = $2', [name, person.body.id]);
      await db.query('UPDATE settings SET name = $1, local_area = $1 WHERE id = $2', [name, setting.body.id]);
    }
    const guarded = hostile.map((name) => `'${name}`);
    const people = parse((await http(app).get('/exports/people.csv').set(admin.auth).expect(200)).text);
    const ours = people.filter((r) => r[1].endsWith(`@${domain}`)).sort((a, b) => a[1].localeCompare(b[1]));
    expect(ours.map((r) => r[0])).toEqual(guarded);
    const settings = parse((await http(app).get('/exports/settings.csv').set(admin.auth).expect(200)).text);
    const mine = urns.map((urn) => settings.find((r) => r[1] === urn));
    expect(mine.map((r) => [r?.[0], r?.[4]])).toEqual(guarded.map((cell) => [cell, cell]));
  });

  it.each(IMPORT_KINDS.map((kind) => ({ kind })))(
    'exports $kind with the import columns, and a dry run of it finds every row already there',
    async ({ kind }) => {
      const response = await http(app).get(`/exports/${kind}.csv`).set(admin.auth).expect(200);
      expect(response.text.split('\n')[0]).toBe(allColumns(kind).join(','));
      const rows = parse(response.text).length - 1;
      expect(rows).toBeGreaterThan(0);
      const dry = await postCsv(`/imports/${kind}?dryRun=true`, response.text).expect(200);
      expect(dry.body).toMatchObject({ rows, valid: 0 });
      expect(new Set((dry.body.problems as { row: number }[]).map((p) => p.row)).size).toBe(rows);
    },
  );

  it('answers 403 to a service manager, for imports and exports alike', async () => {
    const service = await newService();
    const manager = await signedIn(app, 'service_manager', service.id);
    await postCsv('/imports/people?dryRun=true', 'name,email\n', manager.auth).expect(403);
    await http(app).get('/exports/people.csv').set(manager.auth).expect(403);
  });

  it('answers 404 for a kind it does not know', async () => {
    const response = await postCsv('/imports/pets', 'name\n').expect(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringContaining('the kinds are people, team') });
    await http(app).get('/exports/pets.csv').set(admin.auth).expect(404);
    await http(app).get('/exports/people.json').set(admin.auth).expect(404);
  });

  it('answers 415 to JSON and 413 to a body over the limit, in the error shape', async () => {
    const json = await http(app).post('/imports/people').set(admin.auth).send({ name: 'Ann', email: 'ann@example.org' }).expect(415);
    expect(json.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    const tooLarge = await postCsv('/imports/people', 'x'.repeat(CSV_BODY_LIMIT + 1)).expect(413);
    expect(tooLarge.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'The request is too large.' });
  }, 60_000);

  it('takes text/plain as CSV too, and leaves other routes as they were: no CSV, the ordinary size limit', async () => {
    const plain = await http(app)
      .post('/imports/people?dryRun=true')
      .set(admin.auth)
      .set('Content-Type', 'text/plain; charset=utf-8')
      .send('name,email\nAnn,ann@example.org\n')
      .expect(200);
    expect(plain.body).toMatchObject({ rows: 1, valid: 1 });
    await postCsv('/people', 'name,email\n').expect(415);
    await http(app)
      .post('/people')
      .set(admin.auth)
      .set('Content-Type', 'text/plain')
      .send('x'.repeat(2 * 1024 * 1024))
      .expect(413);
  });

  describe('the size of a body, decided before it is read', () => {
    const MB = 1024 * 1024;
    /** A body that sends `bytes` and then never ends: only an answer given without reading on can arrive. */
    const withStart = (bytes: number) => {
      const body = new Readable({ read() {} });
      body.push(Buffer.alloc(bytes, 'x'));
      return body;
    };
    /** POSTs an unending body; fails unless the app answers within 5 s, that is before the body ends. */
    const answer = async (url: string, headers: Record<string, string>, sent: number) => {
      const injected = app.inject({ method: 'POST', url, headers, payload: withStart(sent) });
      const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer while the body was still coming')), 5000).unref());
      return Promise.race([injected, late]);
    };

    it('refuses a 2 MB text/csv body to another route, signed out, without reading it (413)', async () => {
      const response = await answer('/people', { 'content-type': 'text/csv', 'content-length': String(2 * MB) }, 1024);
      expect(response.statusCode).toBe(413);
      expect(response.json()).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'The request is too large.' });
    });

    it('stops reading a text/plain body of no declared length at the ordinary limit (413)', async () => {
      const response = await answer('/auth/login', { 'content-type': 'text/plain' }, MB + 64 * 1024);
      expect(response.statusCode).toBe(413);
    });

    it('refuses a big import from anyone but NPA staff before reading it (413), signed out or not', async () => {
      const service = await newService();
      const manager = await signedIn(app, 'service_manager', service.id);
      for (const auth of [{}, manager.auth]) {
        const response = await answer('/imports/people?dryRun=true', { ...auth, 'content-type': 'text/csv', 'content-length': String(3 * MB) }, 1024);
        expect(response.statusCode).toBe(413);
      }
      await postCsv('/imports/people?dryRun=true', 'name,email\n', manager.auth).expect(403);
    });

    it('still takes a file of several megabytes from NPA staff', async () => {
      const domain = newDomain();
      const rows = Array.from({ length: 40_000 }, (_, i) => `Person ${i} ${'x'.repeat(60)},person-${i}@${domain}`);
      const file = csv('name,email', rows);
      expect(Buffer.byteLength(file)).toBeGreaterThan(3 * MB);
      const dry = await postCsv('/imports/people?dryRun=true', file).expect(200);
      expect(dry.body).toMatchObject({ rows: 40_000, valid: 40_000 });
    }, 60_000);
  });

  describe('the command line', () => {
    const dir = mkdtempSync(join(process.env.TEST_RUN_DIR ?? tmpdir(), 'imports-'));

    it('dry run: prints every problem as "row N, column: problem" and exits 1', async () => {
      const domain = newDomain();
      const file = join(dir, 'bad.csv');
      writeFileSync(file, peopleCsv(3, domain, 2));
      const failed = await cli('import', 'people', file, '--dry-run').then(
        () => null,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stdout).toContain('people: 3 rows, 2 valid, 1 problem.');
      expect(failed?.stdout).toContain(`row 3, email: "person-2-at-${domain}" is not a valid email address`);
      expect(failed?.stdout).toContain('Dry run: nothing was changed.');
      expect(await peopleIn(domain)).toBe(0);
    }, 60_000);

    it('dry run of a clean file exits 0 and changes nothing; a real run imports it', async () => {
      const domain = newDomain();
      const file = join(dir, 'good.csv');
      writeFileSync(file, peopleCsv(3, domain));
      const dry = await cli('import', 'people', file, '--dry-run');
      expect(dry.stdout).toContain('people: 3 rows, 3 valid, 0 problems.\nDry run: nothing was changed; a real run would create 3.');
      expect(await peopleIn(domain)).toBe(0);
      const real = await cli('import', 'people', file);
      expect(real.stdout).toContain('Imported: created 3.');
      expect(await peopleIn(domain)).toBe(3);
    }, 90_000);
  });
});
