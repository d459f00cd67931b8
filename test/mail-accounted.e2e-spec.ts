import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { bootApi, bootWorker, eventually, spawnWorker } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { startSmtp, TestSmtp } from './support/smtp';
import { formSession, webSession } from './support/web-session';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface DeliveryRow {
  id: string;
  state: string;
  reason: string | null;
  attempts: number;
  recipients: { email: string }[];
  data_started_at: Date | null;
}

/**
 * `unknown` means only "the mail server may have it": a sender stopped before its message left sends
 * nothing twice and leaves nothing unknown, a reset after the message data is unknown and not retried,
 * and staff send an unknown or failed email again once, audited, perhaps to a corrected address.
 */
describe('Every email accounted for', () => {
  let smtp: TestSmtp;
  let app: NestFastifyApplication;
  let admin: SignedIn;
  let db: DataSource;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await bootApi({ SMTP_URL: smtp.url });
    admin = await signedIn(app, 'npa_admin');
    db = app.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  /** A service whose manager's address carries `tag`, and the letter asked for it: one email to that manager. */
  async function letterTo(tag: string): Promise<{ serviceId: string; name: string; email: string; letterId: string }> {
    const name = `Mail ${tag} Portage`;
    const service = (
      await http(app).post('/services').set(admin.auth).send({ name, localAuthority: 'Leeds', region: 'Yorkshire and the Humber', ageRange: '0-5' }).expect(201)
    ).body as { id: string };
    const email = `${tag}@mail-drill.example.org`;
    await signedIn(app, 'service_manager', service.id, email);
    const asked = await http(app).post(`/services/${service.id}/letters`).set(admin.auth).expect(201);
    return { serviceId: service.id, name, email, letterId: asked.body.letterId as string };
  }

  const delivery = async (letterId: string) =>
    (await db.query<DeliveryRow[]>('SELECT id, state, reason, attempts, recipients, data_started_at FROM mail_deliveries WHERE letter_id = $1', [letterId]))[0];
  const settled = (letterId: string, state: string) =>
    eventually(async () => ((await delivery(letterId))?.state === state ? delivery(letterId) : null), 60_000);
  const dataSent = (name: string) => smtp.attempts.filter((a) => a.subject.includes(name));
  const receivedBy = (email: string) => smtp.received.filter((m) => JSON.stringify(m.to).includes(email));

  it('a worker killed before its message left: the other worker sends it, nothing unknown, nothing twice', async () => {
    const env = { SMTP_URL: smtp.url, WORKER_LOCK_MS: '2000' };
    // The doomed worker greets the server by a name of its own, so the server holds only its envelope.
    const doomed = await spawnWorker({ ...env, SMTP_URL: `${smtp.url}/?name=doomed-worker` });
    const killed = new Promise<void>((resolve) => doomed.child.once('exit', () => resolve()));
    const tag = `drill-${run}`;
    smtp.holdEnvelope(tag, () => doomed.child.kill('SIGKILL'), 'doomed-worker');
    let survivor: INestApplicationContext | undefined;
    try {
      const letters = [];
      for (let i = 0; i < 8; i++) letters.push(await letterTo(`${tag}-${i}`));
      survivor = await bootWorker(env);
      await killed;

      for (const { letterId } of letters) await settled(letterId, 'sent');
      await sleep(2500);
      const rows = await Promise.all(letters.map(({ letterId }) => delivery(letterId)));
      expect(rows.filter((r) => r.state !== 'sent')).toEqual([]);
      for (const { name, email } of letters) {
        expect(dataSent(name)).toHaveLength(1);
        expect(receivedBy(email)).toHaveLength(1);
      }
      // The one held at RCPT TO (and any other the killed worker had claimed) was claimed again by the survivor.
      expect(rows.filter((r) => r.attempts === 2).length).toBeGreaterThanOrEqual(1);
      expect(rows.filter((r) => r.attempts > 2)).toEqual([]);
    } finally {
      await survivor?.close();
      if (doomed.child.exitCode === null) doomed.child.kill('SIGKILL');
    }
  }, 180_000);

  describe('with one worker', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await bootWorker({ SMTP_URL: smtp.url });
    }, 60_000);

    afterAll(async () => worker?.close());

    it('a connection cut before the message left: sent later, once', async () => {
      const tag = `cut-${run}`;
      smtp.holdEnvelope(tag, (cut) => cut());
      const { name, email, letterId } = await letterTo(tag);
      const sent = await settled(letterId, 'sent');
      await sleep(1000);
      expect(dataSent(name)).toHaveLength(1);
      expect(receivedBy(email)).toHaveLength(1);
      expect(sent.data_started_at).not.toBeNull();
    }, 90_000);

    it('a reset after the message data is unknown, never retried; staff send it once more to a corrected address, audited', async () => {
      const tag = `reset-${run}`;
      smtp.resetAfterData(`Mail ${tag} Portage`);
      const { serviceId, name, email, letterId } = await letterTo(tag);
      const unknown = await settled(letterId, 'unknown');
      expect(unknown).toMatchObject({ attempts: 1, reason: expect.stringMatching(/may or may not have arrived/) });
      await sleep(5000); // longer than the first retry's backoff: nothing tries again
      expect(dataSent(name)).toHaveLength(1);
      expect(receivedBy(email)).toHaveLength(0);
      expect((await delivery(letterId)).state).toBe('unknown');

      const listed = await http(app).get('/mail-deliveries?state=unknown&pageSize=100').set(admin.auth).expect(200);
      expect(listed.body.items).toContainEqual(expect.objectContaining({ id: unknown.id, state: 'unknown' }));

      const manager = await signedIn(app, 'service_manager', serviceId);
      await http(app).post(`/mail-deliveries/${unknown.id}/resend`).set(manager.auth).send({ reason: 'Never came' }).expect(403);
      const noReason = await http(app).post(`/mail-deliveries/${unknown.id}/resend`).set(admin.auth).send({}).expect(400);
      expect(noReason.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        details: expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
      });
      await http(app).post(`/mail-deliveries/${unknown.id}/resend`).set(admin.auth).send({ reason: 'Nope', to: 'not-an-address' }).expect(400);

      const reviewer = await signedIn(app, 'npa_reviewer');
      const corrected = `${tag}-corrected@mail-drill.example.org`;
      const reason = 'The manager says it never arrived; their address changed';
      // Clicked twice: the second finds it pending (or already sent) and is refused.
      const [first, second] = await Promise.all([
        http(app).post(`/mail-deliveries/${unknown.id}/resend`).set(reviewer.auth).send({ reason, to: corrected }),
        http(app).post(`/mail-deliveries/${unknown.id}/resend`).set(reviewer.auth).send({ reason, to: corrected }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const accepted = first.status === 200 ? first : second;
      expect(accepted.body).toEqual({ id: unknown.id, letterId, state: 'pending', recipients: [corrected] });
      expect((first.status === 409 ? first : second).body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringMatching(/only a failed email/),
      });

      const resent = await settled(letterId, 'sent');
      expect(resent.recipients.map((r) => r.email)).toEqual([corrected]);
      await sleep(1000);
      expect(receivedBy(corrected)).toHaveLength(1);
      expect(receivedBy(email)).toHaveLength(0);
      expect(dataSent(name)).toHaveLength(2);
      await http(app).post(`/mail-deliveries/${unknown.id}/resend`).set(reviewer.auth).send({ reason }).expect(409);

      const audit = await db.query<{ action: string; actor_id: string; before: { state: string }; after: { recipients: string[]; why: string } }[]>(
        `SELECT action, actor_id, before, after FROM audit_log WHERE entity = 'mail_delivery' AND entity_id = $1`,
        [unknown.id],
      );
      expect(audit).toEqual([
        expect.objectContaining({ action: 'mail_delivery.resent', actor_id: reviewer.id, before: expect.objectContaining({ state: 'unknown' }) }),
      ]);
      expect(audit[0].after).toMatchObject({ recipients: [corrected], why: reason });
    }, 120_000);

    it('a failed email is sent again from the letters page, which the dashboard links to', async () => {
      const tag = `page-${run}`;
      smtp.refuse(550, `Mail ${tag} Portage`);
      const { email, letterId } = await letterTo(tag);
      const failed = await settled(letterId, 'failed');

      const cookies = await webSession(app, admin.email);
      const dashboard = await http(app).get('/office').set('Cookie', cookies).expect(200);
      expect(dashboard.text).toContain('href="/office/letters#failed"');
      expect(dashboard.text).toContain('href="/office/letters#unknown"');

      const form = await formSession(app, '/office/letters', cookies);
      expect(form.html).toContain(`action="/office/mail-deliveries/${failed.id}/resend"`);
      const url = `/office/mail-deliveries/${failed.id}/resend`;
      // Without the form's token nothing happens.
      await http(app).post(url).set('Cookie', form.cookies).type('form').send({ reason: 'Try again' }).expect(403);
      const blank = await http(app).post(url).set('Cookie', form.cookies).type('form').send({ _csrf: form.token, reason: '' }).expect(400);
      expect(blank.text).toContain(`href="#reason-${failed.id}"`);
      expect((await delivery(letterId)).state).toBe('failed');

      const done = await http(app)
        .post(url)
        .set('Cookie', form.cookies)
        .type('form')
        .send({ _csrf: form.token, reason: 'The server refused it by mistake' })
        .expect(303);
      expect(done.headers.location).toMatch(/^\/office\/letters\?notice=/);
      await settled(letterId, 'sent');
      const again = await http(app).post(url).set('Cookie', form.cookies).type('form').send({ _csrf: form.token, reason: 'Once more' }).expect(409);
      expect(again.text).toContain('can be sent again');
      await sleep(500);
      expect(receivedBy(email)).toHaveLength(1);
    }, 120_000);
  });
});
