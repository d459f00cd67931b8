import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { JobQueue, Clock, jobId } from '@npa/platform';
import { bootApi, bootWorker, eventually } from './support/boot';
import { http, SignedIn, signedIn } from './support/people';
import { privatePostgres, PrivatePostgres, StopMode } from './support/postgres-server';
import { registerBuilder } from './support/register';
import { startSmtp, TestSmtp } from './support/smtp';
import { expectCleanFailures, expectWritesKept, leaksNothing, ok, registerWork, traffic } from './support/traffic';

/**
 * Fault drill: PostgreSQL goes away under the API and the worker, and comes back. The cluster is the
 * suite's own (test/support/postgres-server.ts), so the shared server other suites use never stops.
 */
describe('PostgreSQL stopped and started again while the API serves and the worker runs jobs', () => {
  let pg: PrivatePostgres;
  let smtp: TestSmtp;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let services: { id: string; name: string }[];

  beforeAll(async () => {
    pg = await privatePostgres();
    const databaseUrl = await pg.migrated('npa_test_faults');
    smtp = await startSmtp();
    // A key prefix of its own: the shared Redis carries other suites' queues, whose jobs belong to another database.
    const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, OUTBOX_POLL_MS: '200', REDIS_PREFIX: `${process.env.REDIS_PREFIX}-pgdrill` };
    app = await bootApi(env);
    worker = await bootWorker(env);
    admin = await signedIn(app, 'npa_admin');
    const register = registerBuilder(app, admin);
    services = [];
    for (let i = 0; i < 4; i++) {
      const service = (await register.service()) as { id: string; name: string };
      await signedIn(app, 'service_manager', service.id);
      services.push(service);
    }
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await smtp?.close();
    await pg?.destroy();
  });

  const db = () => app.get(DataSource);

  const health = async () => (await http(app).get('/health')).body as { status: string; database: string; redis: string };

  it.each<[StopMode]>([['fast'], ['immediate']])(
    'answers 503 while it is stopped (%s), then serves again on the same pool, keeping every write once',
    async (mode) => {
      const load = traffic(registerWork(app, admin, services));
      try {
        await load.answered(20, 2, Date.now());

        await pg.stop(mode);
        await load.answered(30, 503, Date.now());
        expect(await health()).toEqual({ status: 'error', database: 'down', redis: 'up' });
        const page = await http(app).get('/verify?urn=EY1234567').expect(503);
        expect(page.text).toContain('Sorry, the service is unavailable');
        expect(leaksNothing(page.text.replace(/<[^>]*>/g, ' '))).toBe(true);

        await pg.start();
        await load.answered(20, 2, Date.now());
      } finally {
        await load.stop();
        if (!pg.running()) await pg.start();
      }

      expect(await health()).toEqual({ status: 'ok', database: 'up', redis: 'up' });
      expect(load.outcomes.filter((o) => !ok(o)).length).toBeGreaterThan(0);
      expectCleanFailures(load.outcomes);
      await expectWritesKept(db(), load.outcomes);
    },
    180_000,
  );

  it('retries the jobs that were running or queued, and each letter goes once', async () => {
    const queue = (name: 'system' | 'sweep') => worker.get(JobQueue).queue(name);
    const [held, ...others] = services;
    // The first letter's email reaches the mail server, which answers only once the database is down:
    // the send has happened and the worker must record it after the outage, not send it again.
    let stopped!: () => void;
    const outage = new Promise<void>((resolve) => (stopped = resolve));
    smtp.pause(held.name, () => outage);

    const asked: string[] = [];
    for (const service of [held, ...others])
      asked.push((await http(app).post(`/services/${service.id}/letters`).set(admin.auth).expect(201)).body.letterId as string);
    await eventually(async () => smtp.received.some((m) => (m.subject ?? '').includes(held.name)), 60_000);

    // A job in flight (the heartbeat holds for a while, then writes), and a sweep queued behind it.
    const heartbeat = (await http(app).post('/system/heartbeat').set(admin.auth).send({ holdMs: 1500 }).expect(202)).body.id as string;
    await eventually(
      async () => (await db().query<{ started_at: Date | null }[]>('SELECT started_at FROM system_heartbeats WHERE id = $1', [heartbeat]))[0].started_at,
    );
    const today = app.get(Clock).today();
    await queue('sweep').add(
      'sweep.daily',
      { asOf: today },
      { jobId: jobId('drill', 'sweep', today), attempts: 3, backoff: { type: 'exponential', delay: 2000 } },
    );
    const heartbeatJob = () => queue('system').getJob(jobId('heartbeat', heartbeat));

    try {
      await pg.stop('fast');
      stopped();
      // The heartbeat allows 3 attempts; an outage must not spend them: it is started again and again.
      await eventually(async () => ((await heartbeatJob())?.attemptsStarted ?? 0) > 4, 60_000);
    } finally {
      stopped();
      if (!pg.running()) await pg.start();
    }

    const letters = async () =>
      db().query<{ id: string; verification_code: string; state: string | null }[]>(
        `SELECT l.id, l.verification_code, d.state FROM letters l LEFT JOIN mail_deliveries d ON d.letter_id = l.id WHERE jsonb_array_length(l.recipients) > 0`,
      );
    await eventually(async () => (await queue('sweep').getJob(jobId('drill', 'sweep', today)))?.finishedOn, 120_000);
    await eventually(async () => (await letters()).every((l) => l.state === 'sent'), 120_000, 250);
    await eventually(
      async () => (await db().query<{ processed_at: Date | null }[]>('SELECT processed_at FROM system_heartbeats WHERE id = $1', [heartbeat]))[0].processed_at,
      60_000,
    );

    const all = await letters();
    expect(all.map((l) => l.id)).toEqual(expect.arrayContaining(asked));
    for (const letter of all) {
      const mails = smtp.received.filter((m) => m.text?.includes(letter.verification_code));
      expect({ letter: letter.id, mails: mails.length, state: letter.state }).toEqual({ letter: letter.id, mails: 1, state: 'sent' });
    }
    expect(await (await queue('sweep').getJob(jobId('drill', 'sweep', today)))?.getState()).toBe('completed');
    const snapshots = await db().query<{ subject_id: string; n: number }[]>(
      `SELECT subject_id, count(*)::int AS n FROM compliance_snapshots WHERE as_of = $1 GROUP BY subject_id`,
      [today],
    );
    expect(snapshots.map((s) => s.subject_id)).toEqual(expect.arrayContaining(services.map((s) => s.id)));
    expect(snapshots.filter((s) => s.n !== 1)).toEqual([]);
    expect((await heartbeatJob())?.attemptsMade).toBeLessThanOrEqual(1);
    const [waiting] = await db().query<{ n: number }[]>('SELECT count(*)::int AS n FROM job_outbox WHERE relayed_at IS NULL');
    expect(waiting.n).toBe(0);
  }, 300_000);
});
