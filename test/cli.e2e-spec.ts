import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '@npa/platform';
import { bootApi } from './support/boot';
import { http, signedIn, uniqueEmail } from './support/people';
import { makePerson, makeTrainer, makeWorkshop } from './support/training';

const run = promisify(execFile);
/** The demo's applications, apart from those other suites make in the same database. */
const DEMO_APPLICATIONS = `SELECT application_id FROM application_events WHERE actor_name = 'Demo data'`;
const cli = (...args: string[]) =>
  run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], { env: process.env });

describe('The command line', () => {
  let app: NestFastifyApplication;
  let demoOutput = '';

  beforeAll(async () => {
    app = await bootApi();
  });

  afterAll(async () => app?.close());

  it('makes the first NPA admin, who can then sign in', async () => {
    const email = uniqueEmail('first-admin');
    const { stdout } = await cli('create-admin', '--email', email, '--password', 'a-long-enough-password');
    expect(stdout).toContain(`Created NPA admin ${email}`);
    const login = await http(app).post('/auth/login').send({ email, password: 'a-long-enough-password' }).expect(200);
    expect(login.body.user.roles).toEqual(['npa_admin']);
  }, 60_000);

  it('refuses a short password with a clear message and exit code 1', async () => {
    await expect(cli('create-admin', '--email', uniqueEmail('weak'), '--password', 'short')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/password must be longer than or equal to 10/),
    });
  }, 60_000);

  it('refuses a common password with exit code 1', async () => {
    await expect(cli('create-admin', '--email', uniqueEmail('common'), '--password', 'password123')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/password is one of the most common passwords/),
    });
  }, 60_000);

  it('seeds a demo register with compliant and non-compliant services', async () => {
    // A register in use: its latest workshop ended yesterday, and its people have their certificates.
    const staff = await signedIn(app, 'npa_admin');
    const realWorkshop = await makeWorkshop(app, staff, (await makeTrainer(app, staff)).id, -2, -1);
    const [realCompletion] = await app
      .get(DataSource)
      .query<{ id: string }[]>(`INSERT INTO workshop_outcomes (workshop_id, person_id, outcome) VALUES ($1, $2, 'completed') RETURNING id`, [
        realWorkshop,
        (await makePerson(app, 'attendee')).id,
      ]);
    const before = await app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM services');
    const { stdout } = await cli('seed-demo');
    expect(stdout).toMatch(/Demo register added: 20 services \(300 team members\), 40 settings/);
    const after = await app.get(DataSource).query<{ n: number }[]>('SELECT count(*)::int AS n FROM services');
    expect(after[0].n - before[0].n).toBe(20);
    // The Stamp of Approval has a history too: awards on the public register, applications in the queue.
    const [, awards, open, returns] =
      /(\d+) Stamp of Approval awards, (\d+) open applications, and (\d+) annual returns for \d{4}\/\d{2} and \d{4}\/\d{2}/.exec(stdout) ?? [];
    expect(Number(awards)).toBeGreaterThan(5);
    expect(Number(open)).toBeGreaterThan(5);
    // Two years of annual returns: most of the 20 services file each year.
    expect(Number(returns)).toBeGreaterThan(25);
    const register = await http(app).get('/public/approved-settings?pageSize=500').expect(200);
    expect(register.body.total).toBeGreaterThanOrEqual(Number(awards));
    // 61 users as before, and now a sign-in for each of the two trainers.
    expect(stdout).toMatch(/Demo sign-ins \(63 users, password "demo-password-2025"\)/);
    // The new letters have something to show: the latest workshop's certificates asked for, one award lapsed unrenewed.
    const [, certificates] = /Letters asked for: (\d+) workshop certificates/.exec(stdout) ?? [];
    expect(Number(certificates)).toBeGreaterThan(0);
    // The demo's own workshop's certificates, never the register's: its people are not sent theirs again.
    const asked = await app
      .get(DataSource)
      .query<{ outcome: string }[]>(`SELECT payload->>'outcomeId' AS outcome FROM job_outbox WHERE name = 'certificate.issue'`);
    expect(asked.map((a) => a.outcome)).not.toContain(realCompletion.id);
    expect(stdout).toContain('1 award lapsed unrenewed 3 days ago');
    demoOutput = stdout;
  }, 60_000);

  it('gives every role a demo sign-in: the trainer sees their own workshops', async () => {
    const [, trainer] = /trainer (\S+@demo\.portage\.example)/.exec(demoOutput) ?? [];
    expect(trainer).toBeDefined();
    const login = await http(app).post('/auth/login').send({ email: trainer, password: 'demo-password-2025' }).expect(200);
    expect(login.body.user.roles).toEqual(['trainer']);
    const workshops = await http(app).get('/workshops').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    const items = (workshops.body.items ?? workshops.body) as unknown[];
    expect(items.length).toBeGreaterThan(0);
  });

  it('submits demo applications only with what the rules require: a statement and evidence for each judged criterion', async () => {
    const db = app.get(DataSource);
    const gaps = await db.query<{ id: string; state: string; criterion_id: string }[]>(
      `SELECT a.id, a.state, c.criterion_id FROM applications a JOIN application_criteria c ON c.application_id = a.id
        WHERE a.state <> 'draft' AND c.criterion_id = ANY($1) AND a.id IN (${DEMO_APPLICATIONS})
          AND (c.statement IS NULL OR c.carried_over OR NOT EXISTS (
                SELECT 1 FROM evidence e WHERE e.criterion_id = c.criterion_id
                   AND (e.application_id = a.id OR e.id IN (SELECT evidence_id FROM application_evidence_on_file f WHERE f.application_id = a.id))))`,
      [['SA-PRINCIPLES', 'SA-ASSESSMENT', 'SA-REVIEWS', 'SA-RECORDS']],
    );
    expect(gaps).toEqual([]);
    // A reviewer opens an application under review and reads its evidence as a real PDF.
    const [, reviewer] = /reviewer (\S+@demo\.portage\.example)/.exec(demoOutput) ?? [];
    const login = await http(app).post('/auth/login').send({ email: reviewer, password: 'demo-password-2025' }).expect(200);
    const auth = `Bearer ${login.body.accessToken}`;
    const [open] = await db.query<{ id: string }[]>(
      `SELECT id FROM applications WHERE state IN ('submitted', 'under_review') AND previous_application_id IS NULL AND id IN (${DEMO_APPLICATIONS}) LIMIT 1`,
    );
    const evidence = await http(app).get(`/applications/${open.id}/evidence`).set('Authorization', auth).expect(200);
    const files = (evidence.body.items ?? evidence.body) as { id: string; criterionId: string }[];
    expect(files.map((f) => f.criterionId).sort()).toEqual(['SA-ASSESSMENT', 'SA-PRINCIPLES', 'SA-RECORDS', 'SA-REVIEWS']);
    const file = await http(app).get(`/applications/${open.id}/evidence/${files[0].id}`).set('Authorization', auth).buffer(true).expect(200);
    expect(file.headers['content-type']).toMatch(/application\/pdf/);
    expect(
      Buffer.from(file.body as Buffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('shows a renewal under way, started from last year, and an inspection a setting proposed', async () => {
    const db = app.get(DataSource);
    const [renewal] = await db.query<{ id: string; setting_id: string }[]>(
      `SELECT id, setting_id FROM applications WHERE kind = 'renewal' AND state = 'draft' AND previous_application_id IS NOT NULL AND id IN (${DEMO_APPLICATIONS}) LIMIT 1`,
    );
    expect(renewal).toBeDefined();
    const [, reviewer] = /reviewer (\S+@demo\.portage\.example)/.exec(demoOutput) ?? [];
    const login = await http(app).post('/auth/login').send({ email: reviewer, password: 'demo-password-2025' }).expect(200);
    const auth = `Bearer ${login.body.accessToken}`;
    const view = await http(app).get(`/applications/${renewal.id}`).set('Authorization', auth).expect(200);
    const judged = (view.body.criteria as { kind: string; statement: string | null; carriedOver: boolean; previous: unknown }[]).filter(
      (c) => c.kind === 'judged',
    );
    expect(judged.every((c) => c.statement && c.previous)).toBe(true);
    expect(judged.filter((c) => c.carriedOver).length).toBeGreaterThan(0);
    expect(judged.filter((c) => !c.carriedOver).length).toBeGreaterThan(0);
    expect(view.body.evidenceOnFile.length).toBeGreaterThan(0);
    const [{ n }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM inspections i JOIN applications a ON a.setting_id = i.setting_id WHERE i.status = 'proposed' AND a.id IN (${DEMO_APPLICATIONS})`,
    );
    expect(n).toBeGreaterThan(0);
  });

  it('sweeps the demo register on demand, printing what it found and sent, with the emails in the outbox folder', async () => {
    const outbox = mkdtempSync(join(process.env.TEST_RUN_DIR ?? tmpdir(), 'npa-outbox-'));
    const { stdout } = await run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'sweep', '--as-of', app.get(Clock).today()],
      {
        env: { ...process.env, OUTBOX_DIR: outbox },
      },
    );
    expect(stdout).toMatch(/Swept as of \d{4}-\d{2}-\d{2}: \d+ services/);
    const [, due] = /Reminders due: (\d+)/.exec(stdout) ?? [];
    expect(Number(due)).toBeGreaterThan(0);
    expect(stdout).toMatch(/Sending: 0 waiting, [1-9]\d* sent/);
    expect(stdout).toContain(`the emails are .eml files in ${outbox}`);
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(0);
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(outbox, f)))));
    const reminder = mails.find((m) => m.subject?.startsWith('Reminder'));
    // The demo's lapsed award: one signed lapse notice, no reminder email for it.
    expect(mails.filter((m) => m.subject?.startsWith('Stamp of Approval lapse notice:'))).toHaveLength(1);
    // Reminders are emails (text and HTML); a signed letter from the same sweep carries its PDF.
    expect(reminder).toMatchObject({ attachments: [], text: expect.stringContaining('Verification code NPA-'), html: expect.stringContaining('NPA-') });
    for (const letter of mails.filter((m) => !m.subject?.startsWith('Reminder')))
      expect(letter.attachments[0]).toMatchObject({ contentType: 'application/pdf' });

    await expect(cli('sweep', '--as-of', '2026-02-30')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--as-of must be a date written YYYY-MM-DD'),
    });
  }, 120_000);
});
