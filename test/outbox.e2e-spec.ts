import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { jobId, Outbox, OutboxRelay, bullmqConnection, Heartbeat } from '@npa/platform';
import { bootWorker, eventually } from './support/boot';
import { privateRedis } from './support/redis-server';

interface OutboxState {
  relayed_at: Date | null;
  attempts: number;
}

/** A change (a heartbeat row) and its job, in one transaction that commits or rolls back. */
async function change(worker: INestApplicationContext, opts: { rollback?: boolean; count?: number } = {}): Promise<string[]> {
  const ids: string[] = [];
  await worker
    .get(DataSource)
    .transaction(async (manager: EntityManager) => {
      for (let i = 0; i < (opts.count ?? 1); i++) {
        const heartbeat = await manager.getRepository(Heartbeat).save({});
        await worker.get(Outbox).add(manager, 'system.heartbeat', { heartbeatId: heartbeat.id }, { jobId: jobId('heartbeat', heartbeat.id) });
        ids.push(heartbeat.id);
      }
      if (opts.rollback) throw new Error('the change fails');
    })
    .catch((error: Error) => {
      if (!opts.rollback || error.message !== 'the change fails') throw error;
    });
  return ids;
}

const db = (worker: INestApplicationContext) => worker.get(DataSource);
const outboxRows = (worker: INestApplicationContext, ids: string[]) =>
  db(worker).query<OutboxState[]>('SELECT relayed_at, attempts FROM job_outbox WHERE job_id = ANY($1)', [ids.map((id) => jobId('heartbeat', id))]);
const heartbeats = (worker: INestApplicationContext, ids: string[]) =>
  db(worker).query<{ processed_at: Date | null; attempts: number }[]>('SELECT processed_at, attempts FROM system_heartbeats WHERE id = ANY($1)', [ids]);
const allProcessed = async (worker: INestApplicationContext, ids: string[]) => {
  const rows = await heartbeats(worker, ids);
  return rows.length === ids.length && rows.every((r) => r.processed_at) ? rows : undefined;
};
/** The relay LISTENs on a connection of its own; a row written before it listens waits for the next poll. */
const listening = (worker: INestApplicationContext, count = 1) =>
  eventually(async () => {
    const rows = await db(worker).query<unknown[]>(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'npa-listen-job_outbox' AND query ILIKE 'LISTEN%'`,
    );
    return rows.length >= count;
  });

describe('Job outbox and its relay', () => {
  describe('with one worker that polls only once a minute', () => {
    let worker: INestApplicationContext;
    let queue: Queue;

    beforeAll(async () => {
      worker = await bootWorker({ OUTBOX_POLL_MS: '60000' });
      queue = new Queue('system', { connection: bullmqConnection(process.env.REDIS_URL!), prefix: process.env.REDIS_PREFIX });
      await listening(worker);
    });

    afterAll(async () => {
      await queue?.close();
      await worker?.close();
    });

    it('writes nothing and queues nothing for a change that rolls back', async () => {
      const [rolledBack] = await change(worker, { rollback: true });
      expect(await outboxRows(worker, [rolledBack])).toEqual([]);
      expect(await heartbeats(worker, [rolledBack])).toEqual([]);
      // A later change goes through the relay; the rolled-back one never reaches the queue.
      const later = await change(worker);
      await eventually(() => allProcessed(worker, later));
      expect(await queue.getJob(jobId('heartbeat', rolledBack))).toBeUndefined();
    });

    it("runs a committed change's job exactly once, woken by NOTIFY rather than the minute's poll", async () => {
      const ids = await change(worker);
      const started = Date.now();
      const [done] = await eventually(() => allProcessed(worker, ids), 10_000);
      expect(Date.now() - started).toBeLessThan(10_000);
      await sleep(1000);
      expect((await heartbeats(worker, ids))[0].attempts).toBe(1);
      expect(done.attempts).toBe(1);
      expect(await outboxRows(worker, ids)).toEqual([{ relayed_at: expect.any(Date), attempts: 1 }]);
      expect(await queue.getJob(jobId('heartbeat', ids[0]))).toBeDefined();
    });

    it('keeps one row, and one job, when the same intent is added twice', async () => {
      const [id] = await change(worker);
      await db(worker).transaction((manager) => worker.get(Outbox).add(manager, 'system.heartbeat', { heartbeatId: id }, { jobId: jobId('heartbeat', id) }));
      expect(await outboxRows(worker, [id])).toHaveLength(1);
      await eventually(() => allProcessed(worker, [id]));
      expect((await heartbeats(worker, [id]))[0].attempts).toBe(1);
    });

    it('keeps a row it cannot queue, with the reason, and relays the rest', async () => {
      await db(worker).query(`INSERT INTO job_outbox (name, payload, job_id) VALUES ('retired.job', '{}', 'retired.1')`);
      try {
        const ids = await change(worker);
        await eventually(() => allProcessed(worker, ids), 10_000);
        const [stuck] = await db(worker).query<(OutboxState & { last_error: string })[]>(
          `SELECT relayed_at, attempts, last_error FROM job_outbox WHERE job_id = 'retired.1'`,
        );
        expect(stuck).toMatchObject({ relayed_at: null, last_error: '"retired.job" is not in the job registry' });
        expect(stuck.attempts).toBeGreaterThanOrEqual(1);
      } finally {
        await db(worker).query(`DELETE FROM job_outbox WHERE job_id = 'retired.1'`);
      }
    }, 15_000);

    it('adds a write and its job in one statement: both, or neither when the write fails', async () => {
      const id = randomUUID();
      const write = { sql: 'INSERT INTO system_heartbeats (id) VALUES ($1)', params: [id] };
      await worker.get(Outbox).addWith(db(worker), write, 'system.heartbeat', { heartbeatId: id }, { jobId: jobId('heartbeat', id) });
      await eventually(() => allProcessed(worker, [id]));
      // The same id again breaks the key: the statement fails whole, and its job (a new id) is not added.
      await expect(
        worker.get(Outbox).addWith(db(worker), write, 'system.heartbeat', { heartbeatId: id }, { jobId: jobId('heartbeat', id, 'again') }),
      ).rejects.toThrow(/duplicate key/);
      expect(await db(worker).query('SELECT 1 FROM job_outbox WHERE job_id = $1', [jobId('heartbeat', id, 'again')])).toEqual([]);
      expect((await heartbeats(worker, [id]))[0].attempts).toBe(1);
    });

    it('refuses to add outside a transaction, and job ids BullMQ would refuse', async () => {
      await expect(worker.get(Outbox).add(db(worker).manager, 'system.heartbeat', { heartbeatId: 'x' }, { jobId: 'heartbeat.x' })).rejects.toThrow(
        /needs the EntityManager of the transaction/,
      );
      await expect(
        db(worker).transaction((manager) => worker.get(Outbox).add(manager, 'system.heartbeat', { heartbeatId: 'x' }, { jobId: 'heartbeat:x' })),
      ).rejects.toThrow(/not usable/);
    });
  });

  describe('with a gathering wait after each NOTIFY', () => {
    let worker: INestApplicationContext;

    beforeAll(async () => {
      worker = await bootWorker({ OUTBOX_POLL_MS: '60000', OUTBOX_GATHER_MS: '1000' });
      await listening(worker);
    });

    afterAll(async () => {
      await worker?.close();
    });

    it('relays changes committed one after another in one batch, each job once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push(...(await change(worker)));
        await sleep(150); // a relay that claimed at once would have taken the row alone by now
      }
      const done = await eventually(() => allProcessed(worker, ids), 10_000);
      expect(done.every((r) => r.attempts === 1)).toBe(true);
      // One batch is one transaction, so its rows share its now().
      const rows = await outboxRows(worker, ids);
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((r) => r.relayed_at?.getTime())).size).toBe(1);
    });
  });

  describe('with two workers relaying at once', () => {
    let workers: INestApplicationContext[];

    beforeAll(async () => {
      // Relayed rows from before the workers start: the relay deletes those past retention when it starts.
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(
        `INSERT INTO job_outbox (name, payload, job_id, created_at, relayed_at, attempts) VALUES
         ('system.heartbeat', '{}', 'retention.old', now() - interval '9 days', now() - interval '8 days', 1),
         ('system.heartbeat', '{}', 'retention.young', now() - interval '6 days', now() - interval '6 days', 1)`,
      );
      await client.end();
      const env = { OUTBOX_BATCH_SIZE: '5', OUTBOX_POLL_MS: '100', OUTBOX_RETENTION_DAYS: '7' };
      workers = [await bootWorker(env), await bootWorker(env)];
      await listening(workers[0], 2);
    });

    afterAll(async () => {
      for (const worker of workers ?? []) await worker.close();
    });

    it('deletes relayed rows older than OUTBOX_RETENTION_DAYS', async () => {
      const left = async () =>
        (await db(workers[0]).query<{ job_id: string }[]>(`SELECT job_id FROM job_outbox WHERE job_id LIKE 'retention.%'`)).map((r) => r.job_id);
      await eventually(async () => !(await left()).includes('retention.old'));
      expect(await left()).toEqual(['retention.young']);
    });

    it('relays each row once, and each job runs once', async () => {
      const relays = workers.map((w) => w.get(OutboxRelay));
      const before = relays.map((r) => r.relayed);
      const ids = await change(workers[0], { count: 200 });
      const done = await eventually(() => allProcessed(workers[0], ids), 60_000);
      expect(done.every((r) => r.attempts === 1)).toBe(true);
      const rows = await outboxRows(workers[0], ids);
      expect(rows).toHaveLength(200);
      // attempts counts claims: two relays taking the same row would leave a 2 somewhere.
      expect(rows.every((r) => r.relayed_at && r.attempts === 1)).toBe(true);
      const moved = relays.map((r, i) => r.relayed - before[i]);
      expect(moved[0] + moved[1]).toBe(200);
      expect(moved.every((n) => n > 0)).toBe(true);
    }, 90_000);
  });

  describe('while its Redis is down', () => {
    let redis: Awaited<ReturnType<typeof privateRedis>>;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      // With its data kept over the restart: a Redis that comes back empty has the worker queue again every
      // outstanding job of the whole shared test database (drilled in faults-redis, on a database of its own).
      redis = await privateRedis({ persist: true });
      worker = await bootWorker({ REDIS_URL: redis.url, OUTBOX_POLL_MS: '200' });
    });

    afterAll(async () => {
      await worker?.close();
      if (redis?.running()) await redis.stop();
    });

    it('keeps the rows, stays up, and relays them once Redis is back', async () => {
      const first = await change(worker);
      await eventually(() => allProcessed(worker, first));

      await redis.stop();
      const ids = await change(worker, { count: 3 });
      await sleep(2000); // ten polls with Redis gone
      expect((await outboxRows(worker, ids)).map((r) => r.relayed_at)).toEqual([null, null, null]);
      expect(await db(worker).query('SELECT 1 AS up')).toEqual([{ up: 1 }]);

      await redis.start();
      const done = await eventually(() => allProcessed(worker, ids), 30_000);
      expect(done.map((r) => r.attempts)).toEqual([1, 1, 1]);
      // Nothing was claimed while Redis was away, so each row went in one try.
      expect((await outboxRows(worker, ids)).map((r) => [r.relayed_at !== null, r.attempts])).toEqual([
        [true, 1],
        [true, 1],
        [true, 1],
      ]);
    }, 60_000);
  });
});
