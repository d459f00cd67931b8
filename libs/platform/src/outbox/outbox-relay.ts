import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AppConfig, appDatabaseUrl } from '../config/app-config';
import { QueueName } from '../queue/jobs';
import { createRedis } from '../redis/redis';
import { RedisResets } from '../redis/redis-resets';
import { OUTBOX_CHANNEL } from './outbox';
import { listen } from './pg-listener';
import { OutboxRow, relayOptions } from './relay-options';

/** No Redis call may hold the claimed rows' locks longer than this. */
const REDIS_TIMEOUT_MS = 3000;
const CLEANUP_EVERY_MS = 3600_000;
const OUTAGE_QUIET_MS = 5000;
const OUTAGE_LOG_EVERY_MS = 60_000;

/**
 * Runs in the worker: moves committed job_outbox rows to their BullMQ queues. Each batch is claimed
 * with FOR UPDATE SKIP LOCKED, so relays in several workers never take the same row; each row is added
 * with its deterministic job id, so a crash between adding and marking it relayed only repeats an add
 * that BullMQ ignores. While Redis is unreachable the rows stay where they are and the next tick tries
 * again; nothing here throws out of the loop. Each tick also asks RedisResets whether Redis lost its data.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly queues = new Map<QueueName, Queue>();
  private redis: Redis;
  private listener?: { close: () => Promise<void> };
  private loop?: Promise<void>;
  private stopping = false;
  private woken = false;
  private wakeUp?: () => void;
  private lastCleanup = 0;
  private outage?: { since: number; lastLogged: number };
  /** Rows this relay has moved to Redis since it started. */
  relayed = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly resets: RedisResets,
  ) {}

  onApplicationBootstrap(): void {
    // Fail fast rather than queue commands while Redis is down: a stuck add would hold the rows' locks.
    this.redis = createRedis(this.config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined); // the loop reports outages, once, not every reconnect attempt
    this.listener = listen(appDatabaseUrl(this.config), OUTBOX_CHANNEL, () => this.wake(), this.logger);
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    await this.listener?.close();
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let relayed = 0;
      try {
        relayed = await this.relayBatch();
        await this.cleanUp();
        this.recovered();
      } catch (error) {
        this.failed(error as Error);
      }
      // A full batch means more may be waiting: go on at once. A NOTIFY comes with each new row; a
      // moment's wait after one lets the rows committed meanwhile go in the same batch.
      if (relayed < this.config.OUTBOX_BATCH_SIZE && (await this.sleep(this.config.OUTBOX_POLL_MS)) && !this.stopping)
        await delay(this.config.OUTBOX_GATHER_MS);
    }
  }

  /** Claims up to a batch of waiting rows, adds them to BullMQ, and marks those that went. */
  private async relayBatch(): Promise<number> {
    // Also notices a Redis that came back without its data, and has the outstanding work queued again.
    await timeout(this.resets.watch(this.redis), 'Redis did not answer');
    await this.resets.settle();
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, name, payload, job_id, options, created_at FROM job_outbox
         WHERE relayed_at IS NULL ORDER BY attempts, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      const now = new Date();
      const results = await Promise.allSettled(rows.map((row) => timeout(this.add(row, now), `Redis did not confirm job ${row.job_id}`)));
      const done = rows.filter((_, i) => results[i].status === 'fulfilled').map((row) => row.id);
      const failed = rows.flatMap((row, i) => {
        const result = results[i];
        return result.status === 'rejected' ? [{ id: row.id, error: String((result.reason as Error)?.message ?? result.reason) }] : [];
      });
      await manager.query(`UPDATE job_outbox SET relayed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])`, [done]);
      if (failed.length > 0) {
        await manager.query(
          `UPDATE job_outbox o SET attempts = o.attempts + 1, last_error = f.error
           FROM unnest($1::bigint[], $2::text[]) AS f(id, error) WHERE o.id = f.id`,
          [failed.map((f) => f.id), failed.map((f) => f.error)],
        );
        this.logger.warn({ failed: failed.length, first: failed[0] }, 'some outbox jobs could not be queued; they stay in job_outbox');
      }
      this.relayed += done.length;
      return done.length;
    });
  }

  // async, so a row that cannot be queued (a retired job name) fails alone instead of its whole batch.
  private async add(row: OutboxRow, now: Date): Promise<unknown> {
    const { queue, options } = relayOptions(row, now);
    return this.queue(queue).add(row.name, row.payload, options);
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.config.REDIS_PREFIX });
      queue.on('error', () => undefined); // the same outage the loop already reports
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async cleanUp(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    await this.dataSource.query(`DELETE FROM job_outbox WHERE relayed_at < now() - make_interval(days => $1)`, [this.config.OUTBOX_RETENTION_DAYS]);
  }

  /** Logs an outage once it has lasted a few seconds (not the connection still opening at boot), then once a minute. */
  private failed(error: Error): void {
    const now = Date.now();
    this.outage ??= { since: now, lastLogged: 0 };
    if (now - this.outage.since < OUTAGE_QUIET_MS || now - this.outage.lastLogged < OUTAGE_LOG_EVERY_MS) return;
    this.outage.lastLogged = now;
    this.logger.error({ err: error.message, sinceMs: now - this.outage.since }, 'outbox relay cannot move jobs; they stay in job_outbox and are retried');
  }

  private recovered(): void {
    if (this.outage?.lastLogged) this.logger.log({ afterMs: Date.now() - this.outage.since }, 'outbox relay is moving jobs again');
    this.outage = undefined;
  }

  private wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Waits for the poll interval, a NOTIFY from a new row, or shutdown, whichever comes first; true if woken. */
  private async sleep(ms: number): Promise<boolean> {
    if (!this.woken && !this.stopping) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.wakeUp = undefined;
          resolve();
        }, ms);
        this.wakeUp = () => {
          clearTimeout(timer);
          this.wakeUp = undefined;
          resolve();
        };
      });
    }
    const woken = this.woken;
    this.woken = false;
    return woken;
  }
}

function timeout<T>(promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), REDIS_TIMEOUT_MS)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
