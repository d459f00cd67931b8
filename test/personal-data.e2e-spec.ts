import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { WebSessions } from '@npa/platform';
import { NOT_PERSONAL, PERSONAL_DATA } from '@npa/privacy';
import type { SubjectAccessReport } from '@npa/privacy';
import { bootApi, bootWorker, eventually } from './support/boot';
import { http, login, PASSWORD, signedIn, SignedIn, uniqueEmail } from './support/people';
import { registerBuilder } from './support/register';
import { day, makeTrainer, makeWorkshop } from './support/training';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], { env: process.env });

interface SchemaColumn {
  table: string;
  column: string;
  type: string;
  references: string | null;
}

/** A person-like id, by the names this schema gives them. */
const PERSON_LIKE = /^(person|user|actor|supervisor|practitioner|reviewer|trainer|subject|entity)_id$|_by$/;

/** Columns that may refer to a person: a key to people or users, an address, a person-like id, a name, any jsonb. */
function refersToPeople(c: SchemaColumn): boolean {
  return (
    c.references === 'people' ||
    c.references === 'users' ||
    c.column.includes('email') ||
    (['uuid', 'text'].includes(c.type) && PERSON_LIKE.test(c.column)) ||
    c.column === 'name' ||
    c.column.endsWith('_name') ||
    c.type === 'jsonb'
  );
}

async function schemaColumns(db: Pick<Client, 'query'>): Promise<SchemaColumn[]> {
  const { rows } = await db.query<SchemaColumn>(
    `SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type,
            (SELECT ccu.table_name FROM information_schema.key_column_usage k
               JOIN information_schema.table_constraints tc ON tc.constraint_name = k.constraint_name AND tc.constraint_type = 'FOREIGN KEY'
               JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = k.constraint_name
              WHERE k.table_name = c.table_name AND k.column_name = c.column_name LIMIT 1) AS references
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' ORDER BY 1, 2`,
  );
  return rows;
}

/** Columns that refer to people but are in neither list: what a new table would add. */
const unaccounted = (columns: SchemaColumn[]) =>
  columns
    .filter(refersToPeople)
    .filter((c) => ![...PERSONAL_DATA, ...NOT_PERSONAL].some((p) => p.table === c.table && p.column === c.column))
    .map((c) => `${c.table}.${c.column}`);

describe('Personal data: the map of where a person is held, and subject access', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let owner: Client;
  let admin: SignedIn;

  beforeAll(async () => {
    app = await bootApi();
    worker = await bootWorker();
    owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    admin = await signedIn(app, 'npa_admin');
  }, 60_000);

  afterAll(async () => {
    await owner?.end();
    await worker?.close();
    await app?.close();
  });

  describe('the map (libs/privacy/src/personal-data.ts)', () => {
    it('accounts for every column of the schema that refers to people or users, searched or excluded with a reason', async () => {
      const columns = await schemaColumns(owner);
      expect(columns.length).toBeGreaterThan(200);
      expect(unaccounted(columns)).toEqual([]);
      for (const entry of NOT_PERSONAL) expect(entry.why.length).toBeGreaterThan(5);
    });

    it('names only columns that exist, and follows only tables searched before', async () => {
      const columns = await schemaColumns(owner);
      const missing = [...PERSONAL_DATA, ...NOT_PERSONAL].filter((p) => !columns.some((c) => c.table === p.table && c.column === p.column));
      expect(missing).toEqual([]);
      PERSONAL_DATA.forEach((entry, i) => {
        if (typeof entry.find === 'object') expect(PERSONAL_DATA.slice(0, i).some((e) => e.table === (entry.find as { via: string }).via && e.find)).toBe(true);
      });
    });

    it('fails for a new table that refers to a person until the map lists it', async () => {
      await owner.query('CREATE TABLE personal_data_probe (id uuid PRIMARY KEY, person_id uuid REFERENCES people(id), contact_email text, notes jsonb)');
      try {
        expect(unaccounted(await schemaColumns(owner))).toEqual([
          'personal_data_probe.contact_email',
          'personal_data_probe.notes',
          'personal_data_probe.person_id',
        ]);
      } finally {
        await owner.query('DROP TABLE personal_data_probe');
      }
    });
  });

  describe('npm run cli -- subject-access EMAIL --out FILE', () => {
    let sasha: { id: string; email: string; name: string };
    let user: SignedIn;
    let report: SubjectAccessReport;
    let output: { stdout: string; json: string };

    beforeAll(async () => {
      const build = registerBuilder(app, admin);
      const service = await build.service();
      const setting = await build.setting();
      const email = uniqueEmail('sasha');
      sasha = await build.post('/people', { name: `Sasha Subject ${email.slice(6, 12)}`, email });
      await build.member(service.id, sasha.id, { role: 'supervisor' });
      const colleague = await build.person('Kim Colleague');
      await build.member(service.id, colleague.id);
      await build.membership(sasha.id, day(app, -100), day(app, 265));
      await build.post(`/people/${sasha.id}/qualifications`, { kind: 'level3', status: 'achieved', date: day(app, -400) });
      await build.post(`/people/${sasha.id}/induction`, { completedOn: day(app, -300) });
      await build.post(`/services/${service.id}/supervision-sessions`, { date: day(app, -3), supervisorId: sasha.id, practitionerIds: [colleague.id] });
      const second = await build.service();
      const supervisor = await build.person('Lee Supervisor');
      await build.member(second.id, supervisor.id, { role: 'supervisor' });
      await build.member(second.id, sasha.id, { fte: 0.2, caseload: 2 });
      await build.post(`/services/${second.id}/supervision-sessions`, { date: day(app, -2), supervisorId: supervisor.id, practitionerIds: [sasha.id] });
      await build.post(`/settings/${setting.id}/staff`, { personId: sasha.id, startDate: day(app, -50) });

      // Sasha attends a workshop and completes it, and is a trainer in her own right.
      const trainer = await makeTrainer(app, admin, -400, 400);
      const workshop = await makeWorkshop(app, admin, trainer.id, -20, -18);
      await build.post(`/workshops/${workshop}/attendees`, { personId: sasha.id });
      await build.post(`/workshops/${workshop}/outcomes`, { personId: sasha.id, outcome: 'completed' });
      const own = await build.post('/trainers', { personId: sasha.id, accreditedFrom: day(app, -10), accreditedTo: day(app, 700) });
      await makeWorkshop(app, admin, own.id, 30, 31);

      // Her account as the service's manager: a sign-in (audited), a browser session, a letter and its email.
      await app.get(DataSource).query('SELECT 1'); // the pool is up before the worker composes
      await http(app)
        .post('/users')
        .set(admin.auth)
        .send({ email: email.toUpperCase(), name: sasha.name, password: PASSWORD, role: 'service_manager', organisationId: service.id })
        .expect(201);
      const token = await login(app, email, PASSWORD);
      user = {
        id: (
          await http(app)
            .get('/auth/me')
            .set({ Authorization: `Bearer ${token}` })
            .expect(200)
        ).body.id,
        email,
        token,
        auth: { Authorization: `Bearer ${token}` },
      };
      await app.get(WebSessions).start({ id: user.id, tokenVersion: 0 });
      await http(app).post('/auth/login').send({ email, password: 'not-her-password' }).expect(401);
      const letter = await http(app).post(`/services/${service.id}/letters`).set(admin.auth).expect(201);
      await eventually(
        async () =>
          (await app.get(DataSource).query(`SELECT 1 FROM mail_deliveries WHERE letter_id = $1 AND state = 'sent'`, [letter.body.letterId])).length > 0,
        60_000,
      );
      // A reminder about her membership, as the sweep records it.
      await app.get(DataSource).query(
        `INSERT INTO reminders (kind, subject_kind, subject_id, due_on, recipients, facts, state)
         SELECT 'membership-expiring', 'membership', m.id, CURRENT_DATE, jsonb_build_array(jsonb_build_object('email', $2::text, 'name', $3::text)), jsonb_build_object('personId', $1::text), 'pending'
           FROM memberships m WHERE m.person_id = $1::uuid`,
        [sasha.id, email, sasha.name],
      );

      const dir = mkdtempSync(join(process.env.TEST_RUN_DIR ?? tmpdir(), 'npa-sar-'));
      const file = join(dir, 'sasha.json');
      const { stdout } = await cli('subject-access', email, '--out', file);
      output = { stdout, json: readFileSync(file, 'utf8') };
      report = JSON.parse(output.json);
    }, 180_000);

    it('writes the JSON to the file and says where it found the person', () => {
      expect(output.stdout).toMatch(new RegExp(`Found ${user.email} in \\d+ tables: people \\(1\\), users \\(1\\)`));
      expect(report.subject).toMatchObject({ email: user.email, personIds: [sasha.id], userIds: [user.id], trainerIds: [expect.any(String)] });
    });

    it('names every table where the person appears, found independently by reading every row of every table', async () => {
      const ids = [...report.subject.personIds, ...report.subject.userIds, ...report.subject.trainerIds];
      const tables = (await owner.query<{ table: string }>(`SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map(
        (r) => r.table,
      );
      const holding: string[] = [];
      for (const table of tables) {
        const { rows } = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" t WHERE t::text ILIKE ANY($1::text[])`, [
          [...ids, user.email].map((x) => `%${x}%`),
        ]);
        if (rows[0].n > 0) holding.push(table);
      }
      expect(holding).toEqual(
        expect.arrayContaining([
          'people',
          'users',
          'web_sessions',
          'team_members',
          'memberships',
          'qualifications',
          'inductions',
          'setting_staff',
          'supervision_sessions',
          'supervision_participants',
          'trainers',
          'trainer_accreditations',
          'workshops',
          'workshop_attendees',
          'workshop_outcomes',
          'letters',
          'mail_deliveries',
          'reminders',
          'audit_log',
        ]),
      );
      expect(Object.keys(report.tables).sort()).toEqual(expect.arrayContaining(holding.filter((t) => !NOT_PERSONAL.some((n) => n.table === t))));
    });

    it('includes both supervision roles, the training record, the letters and emails, and the audit rows by and about her', () => {
      const t = report.tables;
      expect(t.supervision_sessions.map((s) => s.supervisor_id)).toContain(sasha.id);
      expect(t.supervision_participants.map((s) => s.practitioner_id)).toContain(sasha.id);
      expect(t.workshop_outcomes).toEqual([expect.objectContaining({ person_id: sasha.id, outcome: 'completed', certificate_code: expect.any(String) })]);
      expect(t.trainer_accreditations).toHaveLength(1);
      expect(JSON.stringify(t.letters).toLowerCase()).toContain(user.email);
      // Her registration compliance letter's email, sent; her workshop certificate's, once the worker has made it.
      expect(t.mail_deliveries).toEqual(
        expect.arrayContaining([expect.objectContaining({ state: 'sent', subject: expect.stringContaining('Registration compliance') })]),
      );
      const actions = t.audit_log.map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['person.created', 'user.created', 'auth.login', 'auth.login_failed']));
    });

    it('says a password hash and session secrets are held without showing them', async () => {
      const [{ password_hash }] = (await owner.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id])).rows;
      expect(report.withheld).toEqual(expect.arrayContaining(['users.password_hash', 'web_sessions.id_hash']));
      expect(report.tables.users[0].password_hash).toBe('[held, not shown]');
      expect(output.json).not.toContain(password_hash);
      expect(output.json).not.toContain('$argon2');
    });

    it('is itself audited, and says plainly when nothing is held', async () => {
      const rows = await app.get(DataSource).query(`SELECT 1 FROM audit_log WHERE action = 'person.subject_access' AND entity_id = $1`, [sasha.id]);
      expect(rows).toHaveLength(1);
      const nobody = await cli('subject-access', uniqueEmail('nobody'));
      expect(JSON.parse(nobody.stdout).tables).toEqual({});
      expect(nobody.stderr).toMatch(/Nothing is held about nobody-/);
    }, 60_000);
  });
});
