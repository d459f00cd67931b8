import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { pdfWords } from '@npa/letters/testing';
import { Job } from 'bullmq';
import { LetterJobs, LettersService } from '@npa/letters';
import { ReminderFinder } from '@npa/reminders';
import { addDays, JobQueue } from '@npa/platform';
import { approveThrough, readySetting } from './support/approval';
import { eventually } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { webSession } from './support/web-session';
import { TestSmtp, withSubject } from './support/smtp';
import { AutomationWorld } from './support/automation-world';

describe('Workflow automation: sweep, reminders, letters and email, each exactly once', () => {
  let world: AutomationWorld;
  let smtp: TestSmtp;
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let reviewer: SignedIn;
  let today: string;
  let clock: AutomationWorld['clock'];
  const sweep = (asOf: string) => world.sweep(asOf);
  const reminders = (settingId: string, as?: SignedIn) => world.reminders(settingId, as);
  const approvedSetting = () => world.approvedSetting();

  beforeAll(async () => {
    world = await AutomationWorld.start();
    ({ smtp, app, admin, reviewer, today, clock } = world);
  }, 60_000);

  afterAll(() => world?.close());

  // A test that moves the clock puts it back itself; this puts it back when one fails half way, so its
  // failure is not also the next test's.
  afterEach(() => clock.to(today));

  it('sends a renewal reminder 30 days out once, as an email naming the setting, with no PDF', async () => {
    const ready = await approvedSetting();
    const dueOn = addDays(ready.expiresOn, -30);
    clock.to(dueOn);
    const summary = await sweep(dueOn);
    expect(summary.body).toMatchObject({ asOf: dueOn, remindersNew: expect.any(Number) });
    expect(summary.body.newByKind['award-renewal-30']).toBeGreaterThanOrEqual(1);

    const [mail] = await eventually(async () => {
      const found = withSubject(smtp, ready.setting.name).filter((m) => m.subject?.startsWith('Reminder'));
      return found.length ? found : null;
    }, 30_000);
    expect(mail.to).toMatchObject({ value: [{ address: ready.contact.email }] });
    expect(mail.text).toContain('Your Stamp of Approval expires in 30 days');
    // DOMAIN.md: reminders are sent as email; only the letters the NPA signs are printed and attached.
    expect(mail.attachments).toHaveLength(0);
    expect(mail.text).not.toContain('attached');
    expect(mail.html).toContain(ready.setting.name);
    expect(mail.html).toContain('Your Stamp of Approval expires in 30 days');

    const listed = await eventually(async () => (await reminders(ready.setting.id, ready.contact)).find((r) => r.state === 'sent'));
    expect(listed).toMatchObject({ kind: 'award-renewal-30', dueOn, recipients: [ready.contact.email], sentAt: expect.any(String) });
    const [kept] = (await http(app).get(`/settings/${ready.setting.id}/letters`).set(ready.contact.auth).expect(200)).body.filter(
      (l: { kind: string }) => l.kind === 'reminder',
    );
    expect(kept).toMatchObject({ format: 'html', ready: true });
    const html = await http(app).get(`/letters/${kept.id}.html`).set(ready.contact.auth).expect(200);
    expect(html.text).toContain(ready.setting.name);
    const pdf = await http(app).get(`/letters/${kept.id}.pdf`).set(ready.contact.auth).expect(404);
    expect(pdf.body.message).toContain('sent as an email, not printed');
    // The setting's own page lists it as an email and opens its HTML, sandboxed.
    const cookies = await webSession(app, ready.contact.email);
    const home = await http(app).get('/setting').set('Cookie', cookies).expect(200);
    expect(home.text).toContain(`href="/setting/letters/${kept.id}.html">Reminder (email)</a>`);
    const page = await http(app).get(`/setting/letters/${kept.id}.html`).set('Cookie', cookies).expect(200);
    expect(page.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(page.text).toContain(ready.setting.name);
    clock.to(today);
  }, 60_000);

  it('makes each reminder once when the sweep runs twice, and twice at once', async () => {
    const ready = await approvedSetting();
    const dueOn = addDays(ready.expiresOn, -30);
    clock.to(dueOn);
    const [first, second] = await Promise.all([sweep(dueOn), sweep(dueOn)]);
    expect((first.body.newByKind['award-renewal-30'] ?? 0) + (second.body.newByKind['award-renewal-30'] ?? 0)).toBeGreaterThanOrEqual(1);
    await eventually(async () => withSubject(smtp, ready.setting.name).some((m) => m.subject?.startsWith('Reminder')));
    const again = await sweep(dueOn);
    expect(again.body.remindersNew).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(withSubject(smtp, ready.setting.name).filter((m) => m.subject?.startsWith('Reminder'))).toHaveLength(1);
    const rows = await app
      .get(DataSource)
      .query<unknown[]>(`SELECT 1 FROM reminders WHERE organisation_id = $1 AND kind = 'award-renewal-30'`, [ready.setting.id]);
    expect(rows).toHaveLength(1);
    clock.to(today);
  }, 60_000);

  it('waits for a reminder another sweep has recorded and not yet committed, then records the rest of its batch, not that one', async () => {
    const ready = await approvedSetting();
    const dueOn = addDays(ready.expiresOn, -30);
    clock.to(dueOn);
    const due = await app.get(ReminderFinder).due(dueOn);
    const key = due.find((r) => r.kind === 'award-renewal-30' && r.organisation?.id === ready.setting.id)!;
    const others = due.filter((r) => r !== key).length;
    const db = app.get(DataSource);
    const other = db.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      const [theirs] = (await other.query(
        `INSERT INTO reminders (kind, subject_kind, subject_id, due_on, organisation_kind, organisation_id, recipients, facts, state, reason)
         VALUES ($1, $2, $3, $4, 'setting', $5, '[]', '{}', 'failed', 'recorded by the other sweep') RETURNING id`,
        [key.kind, key.subjectKind, key.subjectId, key.dueOn, ready.setting.id],
      )) as { id: string }[];
      const swept = sweep(dueOn).then((r) => r);
      // This sweep looked, found no reminder under the key, and now waits on the other's row to be committed or not.
      await eventually(async () => {
        const [waiting] = await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'COPY "reminders"%'`,
        );
        return waiting.n > 0;
      });
      await other.commitTransaction();
      const summary = await swept;
      const rows = await db.query<{ id: string }[]>(`SELECT id FROM reminders WHERE kind = $1 AND subject_kind = $2 AND subject_id = $3 AND due_on = $4`, [
        key.kind,
        key.subjectKind,
        key.subjectId,
        key.dueOn,
      ]);
      expect(rows).toEqual([{ id: theirs.id }]);
      expect(summary.body.remindersDue).toBe(due.length);
      expect(summary.body.remindersNew).toBeLessThanOrEqual(others);
      expect((await reminders(ready.setting.id)).filter((r) => r.kind === 'award-renewal-30')).toEqual([
        expect.objectContaining({ state: 'failed', reason: 'recorded by the other sweep' }),
      ]);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
    clock.to(today);
  }, 60_000);

  it('suppresses a reminder, with the reason, when the award is renewed before it is sent', async () => {
    const ready = await approvedSetting();
    const dueOn = addDays(ready.expiresOn, -30);
    clock.to(dueOn);
    await world.withoutWorker(async () => {
      await sweep(dueOn);
      expect((await reminders(ready.setting.id)).find((r) => r.kind === 'award-renewal-30')).toMatchObject({ state: 'pending' });
      await approveThrough(app, ready, reviewer);
    });
    const suppressed = await eventually(
      async () => (await reminders(ready.setting.id)).find((r) => r.kind === 'award-renewal-30' && r.state === 'suppressed'),
      30_000,
    );
    expect(suppressed.reason).toMatch(/renewed/);
    await new Promise((r) => setTimeout(r, 1000));
    expect(withSubject(smtp, ready.setting.name).filter((m) => m.subject?.startsWith('Reminder'))).toHaveLength(0);
    clock.to(today);
  }, 60_000);

  // A sweep as of today asks for each new reminder's letter in the transaction that records it; one as of
  // another day leaves that to the reminder's prepare job, which checks it again as of today first.
  describe("who makes a reminder's letter", () => {
    const db = () => app.get(DataSource);
    const reminderMails = (name: string) => withSubject(smtp, name).filter((m) => m.subject?.startsWith('Reminder'));
    const renewal = async (settingId: string) => {
      const [row] = await app
        .get(DataSource)
        .query<{ id: string; state: string; letter_id: string | null; reason: string | null }[]>(
          `SELECT id, state, letter_id, reason FROM reminders WHERE organisation_id = $1 AND kind = 'award-renewal-30'`,
          [settingId],
        );
      return row;
    };

    it('a sweep as of today: the letter is there when the sweep answers, before any worker runs, and sent once', async () => {
      const ready = await approvedSetting();
      const dueOn = addDays(ready.expiresOn, -30);
      clock.to(dueOn);
      await world.withoutWorker(async () => {
        await sweep(dueOn);
        const recorded = await renewal(ready.setting.id);
        expect(recorded).toMatchObject({ state: 'pending', letter_id: expect.any(String) });
        const [letter] = await app
          .get(DataSource)
          .query<{ reminder_id: string; kind: string }[]>('SELECT reminder_id, kind FROM letters WHERE id = $1', [recorded.letter_id]);
        expect(letter).toMatchObject({ kind: 'reminder', reminder_id: recorded.id });
      });
      await eventually(async () => (await reminders(ready.setting.id)).find((r) => r.kind === 'award-renewal-30' && r.state === 'sent'), 30_000);
      expect(withSubject(smtp, ready.setting.name).filter((m) => m.subject?.startsWith('Reminder'))).toHaveLength(1);
      clock.to(today);
    }, 60_000);

    it('letters asked for together are composed by one job; one that cannot be rendered goes on in a job of its own, the others are sent', async () => {
      const settings = [await approvedSetting(), await approvedSetting(), await approvedSetting()];
      const dueOn = addDays(settings[0].expiresOn, -30);
      clock.to(dueOn);
      const broken = await world.withoutWorker(async () => {
        await sweep(dueOn);
        const letterIds = (await Promise.all(settings.map((s) => renewal(s.setting.id)))).map((r) => r.letter_id);
        const together = await db().query<unknown[]>(`SELECT 1 FROM job_outbox WHERE name = 'letter.compose-many' AND payload->'letterIds' @> $1::jsonb`, [
          JSON.stringify(letterIds),
        ]);
        expect(together).toHaveLength(1);
        // The second one's template version does not exist: it cannot be rendered until it is put right.
        const [{ template_version }] = await db().query<{ template_version: number }[]>('SELECT template_version FROM letters WHERE id = $1', [letterIds[1]]);
        await db().query('UPDATE letters SET template_version = 999 WHERE id = $1', [letterIds[1]]);
        return { id: letterIds[1]!, version: template_version };
      });
      await eventually(async () => reminderMails(settings[0].setting.name).length > 0 && reminderMails(settings[2].setting.name).length > 0, 30_000);
      const letters = world.worker.get(JobQueue).queue('letters');
      const alone = await eventually(async () => (await letters.getJob(`letter.compose.${broken.id}`)) ?? null, 30_000);
      expect(alone.data).toEqual({ letterId: broken.id });
      expect(reminderMails(settings[1].setting.name)).toHaveLength(0);
      await db().query('UPDATE letters SET template_version = $2 WHERE id = $1', [broken.id, broken.version]);
      await eventually(async () => reminderMails(settings[1].setting.name).length > 0, 60_000);
      await new Promise((r) => setTimeout(r, 1000));
      for (const { setting } of settings) expect(reminderMails(setting.name)).toHaveLength(1);
      clock.to(today);
    }, 90_000);

    it('their emails go in one job; one the mail server asks to try later goes on in a job of its own, one it refuses is failed, each at most once', async () => {
      const settings = [await approvedSetting(), await approvedSetting(), await approvedSetting(), await approvedSetting()];
      const [sent, later, refused, alsoSent] = settings.map((s) => s.setting);
      const dueOn = addDays(settings[0].expiresOn, -30);
      await world.mailSettled();
      smtp.refuse(451, later.name, 1);
      smtp.refuse(550, refused.name, 1);
      clock.to(dueOn);
      const letterIds = await world.withoutWorker(async () => {
        await sweep(dueOn);
        return (await Promise.all(settings.map((s) => renewal(s.setting.id)))).map((r) => r.letter_id!);
      });
      const delivery = async (letterId: string) =>
        (
          await db().query<{ state: string; attempts: number; reason: string | null; message_id: string | null }[]>(
            'SELECT state, attempts, reason, message_id FROM mail_deliveries WHERE letter_id = $1',
            [letterId],
          )
        )[0];
      await eventually(async () => [sent, alsoSent, later].every((s) => reminderMails(s.name).length > 0), 30_000);
      const together = await db().query<unknown[]>(`SELECT 1 FROM job_outbox WHERE name = 'letter.deliver-many' AND payload->'letterIds' @> $1::jsonb`, [
        JSON.stringify(letterIds),
      ]);
      expect(together).toHaveLength(1);
      const mail = world.worker.get(JobQueue).queue('mail');
      expect(await mail.getJob(`letter.deliver.${letterIds[1]}`)).toMatchObject({ data: { letterId: letterIds[1] } });
      expect(await delivery(letterIds[1])).toMatchObject({ state: 'sent', attempts: 2 });
      expect(await delivery(letterIds[2])).toMatchObject({ state: 'failed', attempts: 1, reason: expect.stringMatching(/^Refused by the mail server/) });
      expect(await mail.getJob(`letter.deliver.${letterIds[2]}`)).toBeUndefined();
      // Each email sent in the job is recorded with its message id: the first with the next one's data
      // start, the last by the job itself as it ends.
      for (const id of [letterIds[0], letterIds[3]]) {
        const recorded = await eventually(async () => {
          const found = await delivery(id);
          return found.state === 'sent' && found;
        }, 10_000);
        expect(recorded).toMatchObject({ attempts: 1, reason: null, message_id: expect.stringMatching(/^<.+>$/) });
      }
      await new Promise((r) => setTimeout(r, 1000));
      expect(settings.map((s) => reminderMails(s.setting.name).length)).toEqual([1, 1, 0, 1]);
      clock.to(today);
    }, 90_000);

    it('their emails are checked ten at a time just before they go: one renewed meanwhile in each ten is suppressed with the reason, the others sent once', async () => {
      // Twelve in one job: read and checked ten at a time (LetterJobs.deliverEach), so both tens are seen.
      const settings: Awaited<ReturnType<typeof approvedSetting>>[] = [];
      for (let i = 0; i < 12; i++) settings.push(await approvedSetting());
      const renewedMeanwhile = [1, 10];
      const dueOn = addDays(settings[0].expiresOn, -30);
      clock.to(dueOn);
      await world.withoutWorker(async () => {
        await sweep(dueOn);
        for (const i of renewedMeanwhile) await approveThrough(app, settings[i], reviewer);
      });
      const renewalOf = async (settingId: string) => (await reminders(settingId)).find((r) => r.kind === 'award-renewal-30')!;
      const settled = await eventually(async () => {
        const shown = await Promise.all(settings.map((s) => renewalOf(s.setting.id)));
        return shown.every((r) => r.state !== 'pending') && shown;
      }, 30_000);
      const expected = settings.map((_, i) => (renewedMeanwhile.includes(i) ? 'suppressed' : 'sent'));
      expect(settled.map((r) => r.state)).toEqual(expected);
      for (const i of renewedMeanwhile) expect(settled[i].reason).toMatch(/renewed/);
      const letterIds = (await Promise.all(settings.map((s) => renewal(s.setting.id)))).map((r) => r.letter_id);
      const together = await db().query<unknown[]>(`SELECT 1 FROM job_outbox WHERE name = 'letter.deliver-many' AND payload->'letterIds' @> $1::jsonb`, [
        JSON.stringify(letterIds),
      ]);
      expect(together).toHaveLength(1);
      const deliveries = await db().query<{ letter_id: string; state: string; reason: string }[]>(
        'SELECT letter_id, state, reason FROM mail_deliveries WHERE letter_id = ANY($1::uuid[])',
        [letterIds],
      );
      expect(letterIds.map((id) => deliveries.find((d) => d.letter_id === id)?.state)).toEqual(expected);
      for (const i of renewedMeanwhile) expect(deliveries.find((d) => d.letter_id === letterIds[i])?.reason).toMatch(/renewed/);
      await new Promise((r) => setTimeout(r, 1000));
      expect(settings.map((s) => reminderMails(s.setting.name).length)).toEqual(expected.map((state) => (state === 'sent' ? 1 : 0)));
      clock.to(today);
    }, 120_000);

    it('a sweep as of another day: the prepare job checks it as of today, and makes no letter for one done meanwhile', async () => {
      const ready = await approvedSetting();
      const dueOn = addDays(ready.expiresOn, -30);
      clock.to(addDays(dueOn, 1));
      await world.withoutWorker(async () => {
        await sweep(dueOn);
        expect(await renewal(ready.setting.id)).toMatchObject({ state: 'pending', letter_id: null });
        await approveThrough(app, ready, reviewer);
      });
      const suppressed = await eventually(async () => {
        const row = await renewal(ready.setting.id);
        return row.state === 'suppressed' ? row : null;
      }, 30_000);
      expect(suppressed).toMatchObject({ letter_id: null, reason: expect.stringMatching(/renewed/) });
      await new Promise((r) => setTimeout(r, 1000));
      expect(withSubject(smtp, ready.setting.name).filter((m) => m.subject?.startsWith('Reminder'))).toHaveLength(0);
      clock.to(today);
    }, 60_000);
  });

  describe('letters made on demand by NPA staff', () => {
    let serviceId: string;
    let serviceName: string;
    let manager: SignedIn;

    beforeAll(async () => {
      const service = (
        await http(app)
          .post('/services')
          .set(admin.auth)
          .send({ name: `Harbour Portage ${Date.now().toString(36)}`, localAuthority: 'Portsmouth', region: 'South East', ageRange: '0-5' })
          .expect(201)
      ).body;
      serviceId = service.id;
      serviceName = service.name;
      manager = await signedIn(app, 'service_manager', serviceId);
    });

    const delivery = async (letterId: string) => {
      const [row] = await app
        .get(DataSource)
        .query<{ state: string; attempts: number; reason: string | null }[]>('SELECT state, attempts, reason FROM mail_deliveries WHERE letter_id = $1', [
          letterId,
        ]);
      return row;
    };

    it('retries a 451 answer and delivers the letter once', async () => {
      smtp.refuse(451, serviceName, 1);
      const asked = await http(app).post(`/services/${serviceId}/letters`).set(admin.auth).expect(201);
      const sent = await eventually(async () => ((await delivery(asked.body.letterId))?.state === 'sent' ? delivery(asked.body.letterId) : null), 30_000);
      expect(sent).toMatchObject({ attempts: 2 });
      expect(smtp.attempts.filter((a) => a.subject.includes(serviceName)).map((a) => a.answer)).toEqual([451, 250]);
      expect(withSubject(smtp, serviceName)).toHaveLength(1);
      expect(withSubject(smtp, serviceName)[0].to).toMatchObject({ value: [{ address: manager.email }] });

      const listed = await http(app).get(`/services/${serviceId}/letters`).set(manager.auth).expect(200);
      expect(listed.body[0]).toMatchObject({ id: asked.body.letterId, kind: 'registration-compliance', templateVersion: 1, sentAt: expect.any(String) });
      const pdf = await http(app)
        .get(`/letters/${asked.body.letterId}.pdf`)
        .set(manager.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(pdfWords(pdf.body as Buffer)).toContain(serviceName);
      const html = await http(app).get(`/letters/${asked.body.letterId}.html`).set(manager.auth).expect(200);
      expect(html.text).toContain('SR-MEMBERSHIP');
    }, 60_000);

    it('does not retry a 550 answer, and shows the email as failed to NPA staff with why', async () => {
      smtp.refuse(550, serviceName, 1);
      const before = smtp.attempts.length;
      const asked = await http(app).post(`/services/${serviceId}/letters`).set(admin.auth).expect(201);
      const failed = await eventually(async () => ((await delivery(asked.body.letterId))?.state === 'failed' ? delivery(asked.body.letterId) : null), 30_000);
      expect(failed.reason).toMatch(/Refused by the mail server/);
      await new Promise((r) => setTimeout(r, 3000));
      expect(smtp.attempts.slice(before).filter((a) => a.subject.includes(serviceName))).toEqual([{ subject: expect.any(String), answer: 550 }]);
      const shown = await http(app).get('/mail-deliveries?state=failed').set(reviewer.auth).expect(200);
      expect(shown.body.items).toContainEqual(
        expect.objectContaining({ letterId: asked.body.letterId, state: 'failed', attempts: 1, reason: expect.stringContaining('550') }),
      );
      await http(app).get('/mail-deliveries').set(manager.auth).expect(403);
    }, 60_000);

    it('claims a send before making it: two deliveries of the same letter at once send it once', async () => {
      const asked = await http(app).post(`/services/${serviceId}/letters`).set(admin.auth).expect(201);
      await eventually(async () => (await delivery(asked.body.letterId))?.state === 'sent', 30_000);
      const before = withSubject(smtp, serviceName).length;
      // As if the first send had never been recorded: both runs find it pending, only one may win the claim.
      await app.get(DataSource).query(`UPDATE mail_deliveries SET state = 'pending' WHERE letter_id = $1`, [asked.body.letterId]);
      const jobs = world.worker.get(LetterJobs);
      const job = { attemptsMade: 0, opts: { attempts: 14 } } as unknown as Job;
      await Promise.all([jobs.deliver({ letterId: asked.body.letterId }, job), jobs.deliver({ letterId: asked.body.letterId }, job)]);
      expect(withSubject(smtp, serviceName).length - before).toBe(1);
      // The second run may take the first's claim over before its message leaves (the claim's number
      // fences the first off), never after: one more attempt or two, one email.
      const sent = await delivery(asked.body.letterId);
      expect(sent.state).toBe('sent');
      expect([2, 3]).toContain(sent.attempts);
    }, 60_000);

    it('says without sign-in what a letter is, for whom, when, and whether it still stands', async () => {
      const [first] = (await http(app).get(`/services/${serviceId}/letters`).set(manager.auth).expect(200)).body.slice(-1);
      const verified = await http(app).get(`/letters/verify/${first.verificationCode.toLowerCase()}`).expect(200);
      expect(verified.body).toMatchObject({
        kind: 'registration-compliance',
        issuedTo: serviceName,
        issuedOn: today,
        stands: false,
        why: expect.stringMatching(/later registration compliance letter/),
      });
      await http(app).get('/letters/verify/NPA-22222-22222').expect(404);
    });
  });

  it('enqueues nothing for a change that rolls back', async () => {
    const dataSource = app.get(DataSource);
    const ready = await readySetting(app, admin, { today });
    await expect(
      dataSource.transaction(async (manager) => {
        await app.get(LettersService).request(manager, {
          kind: 'award-certificate',
          subjectKind: 'setting',
          subjectId: ready.setting.id,
          subjectName: ready.setting.name,
          dedupeKey: `rolled-back.${ready.setting.id}`,
          letterDate: today,
          data: { setting: { name: ready.setting.name, ofstedUrn: ready.setting.ofstedUrn }, awardedOn: today, expiresOn: today },
          addressee: { name: 'Rolled Back', addressLines: [] },
          recipients: [{ email: ready.contact.email, name: 'Rolled Back' }],
        });
        throw new Error('the change failed after asking for its letter');
      }),
    ).rejects.toThrow('the change failed');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await dataSource.query(`SELECT 1 FROM letters WHERE dedupe_key = $1`, [`rolled-back.${ready.setting.id}`])).toHaveLength(0);
    expect(await dataSource.query(`SELECT 1 FROM job_outbox WHERE payload::text LIKE '%' || $1 || '%'`, [ready.setting.id])).toHaveLength(0);
    expect(withSubject(smtp, ready.setting.name)).toHaveLength(0);
  });

  it('sends the award letter and certificate once for an approval', async () => {
    const ready = await approvedSetting();
    await eventually(async () => withSubject(smtp, ready.setting.name).length >= 2, 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      withSubject(smtp, ready.setting.name)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([`Stamp of Approval awarded: ${ready.setting.name}`, `Stamp of Approval certificate: ${ready.setting.name}`]);
    const letters = await http(app).get(`/settings/${ready.setting.id}/letters`).set(ready.contact.auth).expect(200);
    expect(letters.body.map((l: { kind: string }) => l.kind).sort()).toEqual(['award', 'award-certificate']);
  }, 60_000);

  it('shows the queues to NPA admins only, at /admin/queues', async () => {
    await http(app).get('/admin/queues').expect(401);
    const refused = await http(app).get('/admin/queues').set(reviewer.auth).expect(403);
    expect(refused.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Your role may not do this.' });
    const page = await http(app).get('/admin/queues').set(admin.auth).expect(200);
    expect(page.text).toMatch(/<html/i);
    const queues = await http(app).get('/admin/queues/api/queues').set(admin.auth).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['letters', 'mail', 'sweep', 'system']);
    await http(app).get('/admin/queues/api/queues').set({ Authorization: 'Bearer not-a-token' }).expect(401);
  });

  it('schedules the daily sweep once however often the worker restarts, and the scheduled job runs the sweep', async () => {
    clock.restore();
    await world.restartWorker();
    const queue = world.worker.get(JobQueue).queue('sweep');
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      expect.objectContaining({ key: 'daily-retention', name: 'retention.daily', pattern: '0 6 * * *', tz: 'Europe/London' }),
      expect.objectContaining({ key: 'daily-sweep', name: 'sweep.daily', pattern: '0 6 * * *', tz: 'Europe/London' }),
    ]);

    const job = await app.get(JobQueue).enqueue('sweep.daily', { asOf: today }, { jobId: `sweep-now-${Date.now()}` });
    const done = await eventually(async () => ((await job.isCompleted()) ? queue.getJob(job.id!) : null), 30_000);
    expect(done?.returnvalue).toMatchObject({ asOf: today, services: expect.any(Number), remindersDue: expect.any(Number) });
  }, 60_000);

  describe('letter templates', () => {
    it('previews a template with sample data, refuses one that prints data unescaped, and publishes a new version that later letters use while earlier ones keep theirs', async () => {
      const preview = await http(app).post('/letter-templates/award/preview').set(admin.auth).send({}).expect(200);
      expect(preview.body).toMatchObject({ kind: 'award', templateVersion: 1, subject: expect.stringContaining('Stamp of Approval awarded') });
      expect(preview.body.html).toContain('National Portage Association');
      await http(app).post('/letter-templates/award/preview').set(reviewer.auth).send({}).expect(403);
      const unsafe = await http(app)
        .post('/letter-templates/award/versions')
        .set(admin.auth)
        .send({ html: '{{#> layout}}{{{setting.name}}}{{/layout}}', text: 'x' })
        .expect(400);
      expect(unsafe.body.details).toEqual([{ field: 'html', problem: 'must not use {{{ }}} or {{& }}' }]);
      const stripped = await http(app)
        .post('/letter-templates/award/versions')
        .set(admin.auth)
        .send({ html: '{{#> layout}}{{~{setting.name}}}{{/layout}}', text: '{{~&setting.name}}' })
        .expect(400);
      expect(stripped.body.details).toEqual([
        { field: 'html', problem: 'must not use {{{ }}} or {{& }}' },
        { field: 'text', problem: 'must not use {{{ }}} or {{& }}' },
      ]);
      await http(app).post('/letter-templates/award/versions').set(admin.auth).send({ html: '{{#> layout}}{{#each}}{{/layout}}', text: 'x' }).expect(400);
      await http(app).post('/letter-templates/nonsense/preview').set(admin.auth).send({}).expect(404);

      const before = await approvedSetting();
      const oldLetter = await eventually(
        async () =>
          (await http(app).get(`/settings/${before.setting.id}/letters`).set(admin.auth)).body.find(
            (l: { kind: string; ready: boolean }) => l.kind === 'award' && l.ready,
          ),
        30_000,
      );
      const current = (await http(app).get('/letter-templates/award').set(admin.auth).expect(200)).body[0];
      const html = current.body.replace('<h1>', '<p class="new-version">Version two.</p><h1>');
      const published = await http(app)
        .post('/letter-templates/award/versions')
        .set(admin.auth)
        .send({ html, text: current.text, note: 'A line at the top' })
        .expect(201);
      expect(published.body).toMatchObject({ kind: 'award', version: current.version + 1 });

      const after = await approvedSetting();
      const newLetter = await eventually(
        async () =>
          (await http(app).get(`/settings/${after.setting.id}/letters`).set(admin.auth)).body.find(
            (l: { kind: string; ready: boolean }) => l.kind === 'award' && l.ready,
          ),
        30_000,
      );
      expect(newLetter.templateVersion).toBe(current.version + 1);
      expect((await http(app).get(`/letters/${newLetter.id}.html`).set(admin.auth).expect(200)).text).toContain('Version two.');
      expect(oldLetter.templateVersion).toBe(current.version);
      expect((await http(app).get(`/letters/${oldLetter.id}.html`).set(admin.auth).expect(200)).text).not.toContain('Version two.');
      const audited = await app
        .get(DataSource)
        .query<unknown[]>(`SELECT 1 FROM audit_log WHERE action = 'letter_template.published' AND entity_id = $1`, [`award.${current.version + 1}`]);
      expect(audited).toHaveLength(1);
    }, 90_000);
  });
});
