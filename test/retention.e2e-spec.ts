import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { WebSessions, addDays, IsoDate, JobQueue, Storage, Clock, UsersService } from '@npa/platform';
import { RetentionService, retentionCutoff } from '@npa/privacy';
import { bootApi, bootWorker, eventually } from './support/boot';
import { http, PASSWORD, signedIn, SignedIn, uniqueEmail } from './support/people';
import { registerBuilder } from './support/register';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], { env: process.env });

interface PersonRow {
  id: string;
  name: string;
  email: string;
  anonymised_at: Date | null;
}

describe('Retention: people past six years after their last link are anonymised, audited', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let today: IsoDate;
  let cutoff: IsoDate;
  const people: Record<'left' | 'leftRecently' | 'current' | 'unlinked' | 'newRecord', { id: string; name: string; email: string }> = {} as never;
  let certificateCode: string;
  let trainerName: string;
  let letter: { id: string; code: string; pdfKey: string; htmlKey: string };
  let userId: string;
  let serviceId: string;
  let snapshotDate: IsoDate;

  const db = () => app.get(DataSource);
  const person = async (id: string) => (await db().query<PersonRow[]>('SELECT id, name, email, anonymised_at FROM people WHERE id = $1', [id]))[0];
  const snapshotResults = async () =>
    (await db().query<{ results: unknown }[]>('SELECT results FROM compliance_snapshots WHERE subject_id = $1 AND as_of = $2', [serviceId, snapshotDate])).map(
      (r) => r.results,
    );
  /** The register keeps when a record was made; these people were entered ten years ago. */
  const madeYearsAgo = (id: string, years: number) =>
    db().query(`UPDATE people SET created_at = now() - make_interval(years => $2) WHERE id = $1`, [id, years]);

  beforeAll(async () => {
    app = await bootApi();
    worker = await bootWorker();
    admin = await signedIn(app, 'npa_admin');
    today = app.get(Clock).today();
    cutoff = retentionCutoff(today, 6);
    const build = registerBuilder(app, admin);
    const service = await build.service();
    const setting = await build.setting();
    const make = async (label: string) => {
      const email = uniqueEmail(label);
      return build.post('/people', {
        name: `${label[0].toUpperCase()}${label.slice(1)} Person ${email.slice(label.length + 1, label.length + 7)}`,
        email,
      }) as Promise<{ id: string; name: string; email: string }>;
    };

    // Left the service six years and a day ago: past retention.
    people.left = await make('left');
    await build.member(service.id, people.left.id, { startDate: addDays(cutoff, -900), endDate: addDays(cutoff, -1) });
    // ...with a Portage Workshop completed while there, from a trainer who is still with us.
    const trainerPerson = await make('trainer');
    trainerName = trainerPerson.name;
    const trainer = await build.post('/trainers', { personId: trainerPerson.id, accreditedFrom: addDays(cutoff, -2000), accreditedTo: addDays(today, 365) });
    const workshop = await build.post('/workshops', {
      trainerId: trainer.id,
      startDate: addDays(cutoff, -500),
      endDate: addDays(cutoff, -499),
      venue: 'Taunton Library',
      capacity: 10,
    });
    await build.post(`/workshops/${workshop.id}/attendees`, { personId: people.left.id });
    certificateCode = (await build.post(`/workshops/${workshop.id}/outcomes`, { personId: people.left.id, outcome: 'completed' })).certificateCode;
    // ...a user account disabled when they left, with a browser session left behind...
    const user = await app
      .get(UsersService)
      .create({ email: people.left.email, name: people.left.name, password: PASSWORD, role: 'service_manager', organisationId: service.id }, null);
    userId = user.id;
    await app.get(WebSessions).start({ id: user.id, tokenVersion: 0 });
    await db().query(`UPDATE users SET disabled_at = $2::date WHERE id = $1`, [user.id, addDays(cutoff, -1)]);
    // ...and their certificate letter, which recording the completion asked for: printed and emailed.
    letter = await eventually(async () => {
      const [row] = await db().query<{ id: string; code: string; pdfKey: string; htmlKey: string }[]>(
        `SELECT l.id, l.verification_code AS code, l.pdf_key AS "pdfKey", l.html_key AS "htmlKey" FROM letters l JOIN mail_deliveries d ON d.letter_id = l.id
          WHERE l.kind = 'workshop-certificate' AND l.subject_kind = 'person' AND l.subject_id = $1 AND d.state = 'sent'`,
        [people.left.id],
      );
      return row;
    }, 60_000);

    // Left a setting six years less a day ago: kept.
    people.leftRecently = await make('recent');
    await build.post(`/settings/${setting.id}/staff`, { personId: people.leftRecently.id, startDate: addDays(cutoff, -900), endDate: addDays(cutoff, 1) });
    // Still on a team after ten years: kept.
    people.current = await make('current');
    await build.member(service.id, people.current.id, { startDate: addDays(today, -3650) });
    // Entered ten years ago and never linked to anything: six years after the record was made, gone.
    people.unlinked = await make('unlinked');
    // Entered today with a history that ended long ago (an import of old records): kept for now.
    people.newRecord = await make('imported');
    await build.member(service.id, people.newRecord.id, { startDate: addDays(today, -4000), endDate: addDays(today, -3300) });

    for (const p of [people.left, people.leftRecently, people.current, people.unlinked]) await madeYearsAgo(p.id, 10);

    // The service's compliance recorded while they were on its team: its results name them.
    snapshotDate = addDays(cutoff, -600);
    await build.post('/compliance/snapshots', { asOf: snapshotDate });
    serviceId = service.id;
    expect(JSON.stringify(await snapshotResults())).toContain(people.left.name);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  it('lists who is past retention on a dry run, changing nothing', async () => {
    const { stdout } = await cli('retention', '--as-of', today, '--dry-run');
    expect(stdout).toContain(`6 years after the last link ends, so links that ended before ${cutoff}`);
    expect(stdout).toContain(`${people.left.id}  ${people.left.name}  (last link ended ${addDays(cutoff, -1)})`);
    expect(stdout).toContain(people.unlinked.id);
    for (const kept of [people.leftRecently, people.current, people.newRecord]) expect(stdout).not.toContain(kept.id);
    expect(stdout).toContain('Dry run: nothing was changed.');
    expect(await person(people.left.id)).toMatchObject({ name: people.left.name, anonymised_at: null });
  }, 60_000);

  it('fails a retention job dated after today at once, without a retry and without anonymising anyone', async () => {
    const queue = app.get(JobQueue);
    const anonymised = () =>
      db()
        .query<{ n: number }[]>('SELECT count(*)::int AS n FROM people WHERE anonymised_at IS NOT NULL')
        .then((r) => r[0].n);
    const before = await anonymised();
    // Far enough ahead that everyone here, the recently left too, would be past retention.
    const job = await queue.enqueue('retention.daily', { asOf: '2199-01-01' }, { jobId: `retention-future-${Date.now()}` });
    const failed = await eventually(async () => ((await job.isFailed()) ? queue.queue('sweep').getJob(job.id!) : null), 60_000);
    expect(failed?.failedReason).toBe(`Job "retention.daily" refused: asOf must not be after today (${today})`);
    expect(failed?.attemptsMade).toBe(1);
    expect(await anonymised()).toBe(before);
    for (const kept of Object.values(people)) expect(await person(kept.id)).toMatchObject({ name: kept.name, anonymised_at: null });
    await expect(worker.get(RetentionService).run('2199-01-01')).rejects.toThrow('Retention anonymises people as of today at the latest, not 2199-01-01.');
    expect(await anonymised()).toBe(before);
  }, 90_000);

  describe('the daily job', () => {
    let anonymisedName: string;

    beforeAll(async () => {
      const queue = app.get(JobQueue);
      const job = await queue.enqueue('retention.daily', { asOf: today }, { jobId: `retention-test-${Date.now()}` });
      const done = await eventually(async () => ((await job.isCompleted()) ? queue.queue('sweep').getJob(job.id!) : null), 60_000);
      expect(done?.returnvalue).toMatchObject({ asOf: today, retentionYears: 6, cutoff, anonymised: expect.any(Number) });
      expect(done.returnvalue.anonymised).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(done.returnvalue)).not.toContain(people.left.name);
      anonymisedName = (await person(people.left.id)).name;
    }, 90_000);

    it('anonymises a person whose last link ended six years and a day ago, and one never linked', async () => {
      const left = await person(people.left.id);
      expect(left.name).toMatch(/^Former member \d+$/);
      expect(left.email).toBe(`former-member-${left.name.split(' ')[2]}@anonymised.invalid`);
      expect(left.anonymised_at).not.toBeNull();
      expect((await person(people.unlinked.id)).name).toMatch(/^Former member \d+$/);
      // The links stay, pointing at the anonymised record.
      expect(await db().query('SELECT 1 FROM team_members WHERE person_id = $1', [people.left.id])).toHaveLength(1);
    });

    it('keeps one who left six years less a day ago, one still linked, and a record made today', async () => {
      for (const kept of [people.leftRecently, people.current, people.newRecord]) {
        expect(await person(kept.id)).toMatchObject({ name: kept.name, email: kept.email, anonymised_at: null });
      }
    });

    it('disables and renames their user account and ends their sessions, so it cannot sign in', async () => {
      const [user] = await db().query<{ name: string; email: string; password_hash: string; disabled_at: Date | null }[]>(
        'SELECT name, email, password_hash, disabled_at FROM users WHERE id = $1',
        [userId],
      );
      expect(user).toMatchObject({ name: anonymisedName, email: (await person(people.left.id)).email, password_hash: '!', disabled_at: expect.any(Date) });
      expect(await db().query('SELECT 1 FROM web_sessions WHERE user_id = $1', [userId])).toHaveLength(0);
      await http(app).post('/auth/login').send({ email: people.left.email, password: PASSWORD }).expect(401);
    });

    it('writes one audit row per person, naming neither their old name nor their address', async () => {
      const rows = await db().query<{ entity_id: string; after: Record<string, unknown> }[]>(
        `SELECT entity_id, after FROM audit_log WHERE action = 'person.anonymised' AND entity_id = ANY($1::text[])`,
        [Object.values(people).map((p) => p.id)],
      );
      expect(rows.map((r) => r.entity_id).sort()).toEqual([people.left.id, people.unlinked.id].sort());
      const left = rows.find((r) => r.entity_id === people.left.id)!;
      expect(left.after).toMatchObject({ name: anonymisedName, lastLinkEnded: addDays(cutoff, -1), asOf: today, retentionYears: 6, userAccounts: [userId] });
      expect(JSON.stringify(left.after)).not.toContain(people.left.name);
      expect(JSON.stringify(left.after)).not.toContain(people.left.email);
    });

    it('takes their name out of the compliance results recorded while they were on the team, which stay whole', async () => {
      const [results] = await snapshotResults();
      expect(Array.isArray(results)).toBe(true);
      expect(JSON.stringify(results)).not.toContain(people.left.name);
      expect(JSON.stringify(results)).toContain(anonymisedName);
      expect(JSON.stringify(results)).toContain(people.current.name);
    });

    it('keeps their certificate valid: it verifies, under the name the register now holds', async () => {
      const response = await http(app).get(`/certificates/${certificateCode}`).expect(200);
      expect(response.body).toEqual({ name: anonymisedName, workshopEndDate: addDays(cutoff, -499), trainerName, valid: true });
    });

    it('prints their letter again without the name and sends nothing', async () => {
      const reprinted = await eventually(async () => {
        const [row] = await db().query<{ html_key: string | null; subject_name: string }[]>(
          'SELECT html_key, subject_name FROM letters WHERE id = $1 AND rendered_at IS NOT NULL',
          [letter.id],
        );
        return row?.html_key && row.html_key !== letter.htmlKey ? row : null;
      }, 60_000);
      expect(reprinted.subject_name).toBe(anonymisedName);
      const html = await http(app).get(`/letters/${letter.id}.html`).set(admin.auth).expect(200);
      expect(html.text).toContain(anonymisedName);
      expect(html.text).not.toContain(people.left.name);
      const verified = await http(app).get(`/letters/verify/${letter.code}`).expect(200);
      expect(verified.body.issuedTo).toBe(anonymisedName);
      const deliveries = await db().query<{ state: string; attempts: number; recipients: { email: string }[] }[]>(
        'SELECT state, attempts, recipients FROM mail_deliveries WHERE letter_id = $1',
        [letter.id],
      );
      expect(deliveries).toEqual([{ state: 'sent', attempts: 1, recipients: [{ email: (await person(people.left.id)).email, name: anonymisedName }] }]);
      // The old files, printed with the name, are gone.
      await expect(app.get(Storage).read(letter.pdfKey)).rejects.toThrow(/ENOENT/);
      await expect(app.get(Storage).read(letter.htmlKey)).rejects.toThrow(/ENOENT/);
    }, 90_000);

    it('does nothing more when run again', async () => {
      const again = await worker.get(RetentionService).run(today);
      expect(again.due.map((d) => d.personId)).not.toEqual(expect.arrayContaining([people.left.id]));
      const rows = await db().query(`SELECT 1 FROM audit_log WHERE action = 'person.anonymised' AND entity_id = $1`, [people.left.id]);
      expect(rows).toHaveLength(1);
    });
  });
});
