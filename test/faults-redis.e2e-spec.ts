import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@npa/platform';
import { JobQueue, bullmqConnection, REFUSED_EXIT_CODE, RedisResets } from '@npa/platform';
import { SWEEP_SCHEDULER_ID } from '@npa/reminders';
import { bootApi, bootWorker, eventually, workerProcess } from './support/boot';
import { http, PASSWORD, SignedIn, signedIn } from './support/people';
import { privatePostgres, PrivatePostgres } from './support/postgres-server';
import { privateRedis, PrivateRedis } from './support/redis-server';
import { registerBuilder } from './support/register';
import { startSmtp, TestSmtp } from './support/smtp';
import { expectCleanFailures, expectWritesKept, ok, Op, registerWork, traffic } from './support/traffic';
import { webSession } from './support/web-session';

/**
 * Fault drill: Redis goes away under the API and the worker, and comes back. Redis and PostgreSQL are
 * the suite's own, so nothing else queues into this Redis or writes into this database meanwhile.
 */
describe.each([
  ['keeps an append-only file, as docker-compose runs it', true],
  ['comes back empty', false],
])('Redis killed and started again while the API serves and the worker runs jobs (a Redis that %s)', (_, persist) => {
  let pg: PrivatePostgres;
  let redis: PrivateRedis;
  let smtp: TestSmtp;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let admin: SignedIn;
  let services: { id: string; name: string }[];

  beforeAll(async () => {
    pg = await privatePostgres();
    redis = await privateRedis({ persist });
    smtp = await startSmtp();
    const env = { DATABASE_URL: await pg.migrated('npa_test_redis_faults'), REDIS_URL: redis.url, SMTP_URL: smtp.url, OUTBOX_POLL_MS: '200' };
    app = await bootApi(env);
    worker = await bootWorker(env);
    admin = await signedIn(app, 'npa_admin');
    services = [];
    for (let i = 0; i < 3; i++) {
      const service = (await registerBuilder(app, admin).service()) as { id: string; name: string };
      await signedIn(app, 'service_manager', service.id);
      services.push(service);
    }
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await smtp?.close();
    await redis?.destroy();
    await pg?.destroy();
  });

  const db = () => app.get(DataSource);
  const health = async () => (await http(app).get('/health')).body as unknown;

  /** What needs Redis: signing in (the rate limit is kept there), queueing a job directly, the queue dashboard. */
  const redisWork = (): Op[] => [
    { name: 'sign-in', call: () => ({ request: http(app).post('/auth/login').send({ email: admin.email, password: PASSWORD }) }) },
    { name: 'heartbeat', call: () => ({ request: http(app).post('/system/heartbeat').set(admin.auth).send({}) }) },
    { name: 'dashboard', call: () => ({ request: http(app).get('/admin/queues/api/queues').set(admin.auth) }) },
  ];
  const NEEDS_REDIS = ['sign-in', 'heartbeat', 'dashboard'];

  it('serves what needs only PostgreSQL throughout, answers 503 for what needs Redis, then serves that again', async () => {
    const browser = await webSession(app, admin.email);
    const load = traffic([...registerWork(app, admin, services), ...redisWork()], 4);
    try {
      await load.answered(20, 2, Date.now());
      await redis.stop();
      const stopped = Date.now();
      for (const op of NEEDS_REDIS) await load.answered(2, 503, stopped, op);
      await load.answered(20, 2, stopped, 'read');
      expect(await health()).toEqual({ status: 'error', database: 'up', redis: 'down' });
      // The office dashboard shows everything else, and says the queues cannot be reached.
      const dashboard = await http(app).get('/office').set('Cookie', browser).timeout(10_000).expect(200);
      expect(dashboard.text).toContain('The queues cannot be reached right now.');

      await redis.start();
      const restarted = Date.now();
      for (const op of NEEDS_REDIS) await load.answered(2, 2, restarted, op);
    } finally {
      await load.stop();
      if (!redis.running()) await redis.start();
    }

    expect(await health()).toEqual({ status: 'ok', database: 'up', redis: 'up' });
    expect(load.outcomes.filter((o) => !NEEDS_REDIS.includes(o.op) && !ok(o))).toEqual([]);
    expectCleanFailures(load.outcomes);
    await expectWritesKept(db(), load.outcomes);

    // A heartbeat that was accepted is done once; one refused leaves nothing behind. One the worker was
    // taking as Redis died may sit in BullMQ's active list with no one on it (the command ran; its answer was
    // lost with the connection): the stalled check gives it back once its lock lapses, within the lock (30 s)
    // and two checks (30 s each), so the wait allows two minutes.
    const accepted = load.outcomes.filter((o) => o.op === 'heartbeat' && ok(o)).map((o) => (o.body as { id: string }).id);
    await eventually(async () => {
      const [row] = await db().query<{ n: number }[]>('SELECT count(*)::int AS n FROM system_heartbeats WHERE id = ANY($1) AND processed_at IS NOT NULL', [
        accepted,
      ]);
      return row.n === accepted.length;
    }, 120_000);
    const rows = await db().query<{ id: string; attempts: number }[]>('SELECT id, attempts FROM system_heartbeats');
    expect(rows.map((r) => r.id).sort()).toEqual([...accepted].sort());
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
  }, 240_000);

  it('finishes the jobs that were running or queued when it went, and sends each letter once', async () => {
    const [held, ...others] = services;
    const lettersQueue = worker.get(JobQueue).queue('letters');
    const letterFor = async (service: { id: string }) =>
      (await http(app).post(`/services/${service.id}/letters`).set(admin.auth).expect(201)).body.letterId as string;
    const relayed = async (ids: string[]) =>
      (await db().query<{ n: number }[]>(`SELECT count(*)::int AS n FROM job_outbox WHERE relayed_at IS NOT NULL AND payload->>'letterId' = ANY($1)`, [ids]))[0]
        .n === ids.length;

    // In flight: the first letter's email, held by the mail server until Redis is gone, and a heartbeat.
    let stopped!: () => void;
    const outage = new Promise<void>((resolve) => (stopped = resolve));
    smtp.pause(held.name, () => outage);
    const asked = [await letterFor(held)];
    await eventually(async () => smtp.received.some((m) => (m.subject ?? '').includes(held.name)), 60_000);
    const heartbeat = (await http(app).post('/system/heartbeat').set(admin.auth).send({ holdMs: 1500 }).expect(202)).body.id as string;
    await eventually(
      async () => (await db().query<{ started_at: Date | null }[]>('SELECT started_at FROM system_heartbeats WHERE id = $1', [heartbeat]))[0].started_at,
    );
    // Queued: letters whose jobs are in Redis, waiting behind a paused queue.
    await lettersQueue.pause();
    const queued: string[] = [];
    for (const service of others) queued.push(await letterFor(service));
    await eventually(() => relayed(queued));
    asked.push(...queued);

    try {
      await redis.stop();
      stopped();
      // Asked for during the outage: they wait in job_outbox.
      for (const service of services) asked.push(await letterFor(service));
      await eventually(
        async () =>
          (await db().query<{ processed_at: Date | null }[]>('SELECT processed_at FROM system_heartbeats WHERE id = $1', [heartbeat]))[0].processed_at,
      );
    } finally {
      stopped();
      if (!redis.running()) await redis.start();
    }
    await eventually(() =>
      lettersQueue.resume().then(
        () => true,
        () => false,
      ),
    );

    const letters = async () =>
      db().query<{ id: string; verification_code: string; state: string | null }[]>(
        `SELECT l.id, l.verification_code, d.state FROM letters l LEFT JOIN mail_deliveries d ON d.letter_id = l.id WHERE l.id = ANY($1)`,
        [asked],
      );
    await eventually(async () => (await letters()).every((l) => l.state === 'sent'), 120_000, 250);
    for (const letter of await letters()) {
      const mails = smtp.received.filter((m) => m.text?.includes(letter.verification_code));
      expect({ letter: letter.id, mails: mails.length }).toEqual({ letter: letter.id, mails: 1 });
    }
    const [row] = await db().query<{ attempts: number }[]>('SELECT attempts FROM system_heartbeats WHERE id = $1', [heartbeat]);
    expect(row.attempts).toBe(1);
    const [waiting] = await db().query<{ n: number }[]>('SELECT count(*)::int AS n FROM job_outbox WHERE relayed_at IS NULL');
    expect(waiting.n).toBe(0);
    // The daily sweep is still scheduled, whatever Redis kept.
    expect(await worker.get(JobQueue).queue('sweep').getJobScheduler(SWEEP_SCHEDULER_ID)).toMatchObject({ pattern: expect.any(String) });
  }, 240_000);
});

describe('The worker and a Redis that may evict keys', () => {
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = await privateRedis({ args: ['--maxmemory-policy', 'allkeys-lru'] });
  });

  afterAll(async () => redis?.destroy());

  it('refuses to start, saying why and how to fix it, with exit code 78 and no job taken', async () => {
    const system = new Queue('system', { connection: bullmqConnection(redis.url), prefix: process.env.REDIS_PREFIX });
    try {
      await system.add('system.heartbeat', { heartbeatId: randomUUID() }, { jobId: 'evicting-redis-probe' });
      const { child, output } = workerProcess({ REDIS_URL: redis.url });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

      expect(code).toBe(REFUSED_EXIT_CODE);
      expect(output()).toContain('NPA worker did not start: Redis maxmemory-policy is "allkeys-lru", which may evict keys');
      expect(output()).toContain('Set maxmemory-policy to noeviction');
      expect(await (await system.getJob('evicting-redis-probe'))?.getState()).toBe('waiting');
    } finally {
      await system.close();
    }
  }, 90_000);
});

describe(RedisResets.name, () => {
  let redis: PrivateRedis;
  let client: Redis;
  const config = { REDIS_PREFIX: 'resets-test' } as AppConfig;

  beforeAll(async () => {
    redis = await privateRedis();
    client = new Redis(redis.url);
  });

  afterAll(async () => {
    client?.disconnect();
    await redis?.destroy();
  });

  it('has one of several watching workers queue the outstanding work again when Redis loses its data, and none on first sight', async () => {
    const calls: string[] = [];
    const workers = ['a', 'b'].map((name) => {
      const resets = new RedisResets(config);
      resets.register('work', async () => calls.push(name));
      return resets;
    });
    const tick = async () => {
      for (const resets of workers) {
        await resets.watch(client);
        await resets.settle();
      }
    };

    await tick();
    await tick();
    expect(calls).toEqual([]);

    await client.flushall();
    await tick();
    await tick();
    expect(calls).toEqual(['a']);
  });

  it('tries again on the next tick when queueing the work fails', async () => {
    let failing = true;
    let done = 0;
    const resets = new RedisResets(config);
    resets.register('work', async () => {
      if (failing) throw new Error('Redis is still warming up');
      return ++done;
    });
    await resets.watch(client);
    await client.flushall();
    await resets.watch(client);
    await resets.settle();
    expect(done).toBe(0);
    failing = false;
    await resets.watch(client);
    await resets.settle();
    await resets.settle();
    expect(done).toBe(1);
  });
});
