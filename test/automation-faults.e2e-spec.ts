import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Clock } from '@npa/platform';
import { completeJudged, passAll, readySetting } from './support/approval';
import { bootApi, bootWorker, eventually, spawnWorker } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { privateRedis } from './support/redis-server';
import { startSmtp, TestSmtp, withSubject } from './support/smtp';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Workflow automation when things fail', () => {
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
  });

  afterAll(async () => smtp?.close());

  describe('Redis stopped while renewals are approved', () => {
    let redis: Awaited<ReturnType<typeof privateRedis>>;
    let app: NestFastifyApplication;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      // With its data kept over the restart: a Redis that comes back empty has the worker queue again every
      // outstanding job of the whole shared test database (drilled in faults-redis, on a database of its own).
      redis = await privateRedis({ persist: true });
      const env = { REDIS_URL: redis.url, SMTP_URL: smtp.url, OUTBOX_POLL_MS: '200' };
      app = await bootApi(env);
      worker = await bootWorker(env);
    }, 60_000);

    afterAll(async () => {
      await worker?.close();
      await app?.close();
      if (redis?.running()) await redis.stop();
    });

    it('sends all 10 award letters once Redis is back, none twice', async () => {
      const today = app.get(Clock).today();
      const admin = await signedIn(app, 'npa_admin');
      const reviewer = await signedIn(app, 'npa_reviewer');
      const waiting: { id: string; name: string }[] = [];
      for (let i = 0; i < 10; i++) {
        const ready = await readySetting(app, admin, { today });
        const id = (await http(app).post(`/settings/${ready.setting.id}/applications`).set(ready.contact.auth).expect(201)).body.id as string;
        await completeJudged(app, id, ready.contact);
        await http(app).post(`/applications/${id}/submit`).set(ready.contact.auth).send({}).expect(200);
        await http(app).post(`/applications/${id}/start-review`).set(reviewer.auth).expect(200);
        waiting.push({ id, name: ready.setting.name });
      }

      await redis.stop();
      for (const { id } of waiting)
        await http(app).post(`/applications/${id}/decision`).set(reviewer.auth).send({ decision: 'approved', criteria: passAll() }).expect(200);
      await sleep(1500);
      const stuck = await app
        .get(DataSource)
        .query<{ n: number }[]>(`SELECT count(*)::int AS n FROM job_outbox WHERE name = 'letter.compose' AND relayed_at IS NULL`);
      expect(stuck[0].n).toBeGreaterThanOrEqual(20);
      expect(waiting.some(({ name }) => withSubject(smtp, name).length > 0)).toBe(false);

      await redis.start();
      await eventually(async () => waiting.every(({ name }) => withSubject(smtp, `Stamp of Approval awarded: ${name}`).length === 1), 90_000, 250);
      await sleep(1500);
      for (const { name } of waiting) {
        expect(withSubject(smtp, `Stamp of Approval awarded: ${name}`)).toHaveLength(1);
        expect(withSubject(smtp, `Stamp of Approval certificate: ${name}`)).toHaveLength(1);
      }
    }, 180_000);
  });

  describe('the worker killed mid-send', () => {
    let app: NestFastifyApplication;
    let admin: SignedIn;

    beforeAll(async () => {
      app = await bootApi({ SMTP_URL: smtp.url });
      admin = await signedIn(app, 'npa_admin');
    });

    afterAll(async () => app?.close());

    it('retries the job, marks the send unknown for staff, and never sends it twice', async () => {
      const service = (
        await http(app)
          .post('/services')
          .set(admin.auth)
          .send({ name: `Killed Portage ${Date.now().toString(36)}`, localAuthority: 'Leeds', region: 'Yorkshire and the Humber', ageRange: '0-5' })
          .expect(201)
      ).body;
      await signedIn(app, 'service_manager', service.id);
      const env = { SMTP_URL: smtp.url, WORKER_LOCK_MS: '2000' };
      const first = await spawnWorker(env);
      const killed = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));
      smtp.hold(service.name, () => first.child.kill('SIGKILL'));

      const asked = await http(app).post(`/services/${service.id}/letters`).set(admin.auth).expect(201);
      await killed;
      const state = async () =>
        (
          await app
            .get(DataSource)
            .query<{ state: string; reason: string | null; attempts: number }[]>('SELECT state, reason, attempts FROM mail_deliveries WHERE letter_id = $1', [
              asked.body.letterId,
            ])
        )[0];
      expect((await state()).state).toBe('sending');

      const second = await bootWorker(env);
      try {
        const unknown = await eventually(async () => ((await state()).state === 'unknown' ? state() : null), 60_000);
        expect(unknown).toMatchObject({ attempts: 1, reason: expect.stringMatching(/may or may not have arrived/) });
        await sleep(2000);
        expect(smtp.attempts.filter((a) => a.subject.includes(service.name))).toHaveLength(1);
        expect(withSubject(smtp, service.name)).toHaveLength(0);
        const shown = await http(app).get('/mail-deliveries?state=unknown').set(admin.auth).expect(200);
        expect(shown.body.items).toContainEqual(expect.objectContaining({ letterId: asked.body.letterId, state: 'unknown' }));
      } finally {
        await second.close();
      }
    }, 120_000);
  });
});
