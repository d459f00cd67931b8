import { Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/** Puts back, from PostgreSQL, the jobs of one kind of work still outstanding; says how many it queued. */
export type Requeue = () => Promise<number>;

/**
 * Notices a Redis that has lost its data while the worker was running (restarted without an
 * append-only file, flushed, failed over to an empty replica): every queued job went with it. A marker
 * key is set when the worker first sees Redis; when it is gone, one worker (the one whose SET NX wins)
 * runs every registered Requeue. Each domain registers one for its own work, with the deterministic
 * job ids it always uses, so a job that did survive is not queued twice. The outbox relay calls `watch`
 * and then `settle` on every tick.
 */
@Injectable()
export class RedisResets {
  private readonly logger = new Logger('RedisResets');
  private readonly requeues = new Map<string, Requeue>();
  private seen?: string;
  private owed = false;

  constructor(private readonly config: AppConfig) {}

  register(name: string, requeue: Requeue): void {
    if (this.requeues.has(name)) throw new Error(`"${name}" already requeues its work after a Redis reset`);
    this.requeues.set(name, requeue);
  }

  /** Checks the marker: when this worker finds Redis emptied, the outstanding work is owed to it. */
  async watch(redis: Redis): Promise<void> {
    const key = `${this.config.REDIS_PREFIX}:redis-epoch`;
    const current = await redis.get(key);
    if (current === null) {
      const mine = randomUUID();
      const won = (await redis.set(key, mine, 'NX')) === 'OK';
      // Seen before and now gone: the data went. Never seen: a new Redis, or one this worker cannot judge.
      if (won && this.seen !== undefined) {
        this.logger.warn('Redis has lost its data; queueing again the work still outstanding');
        this.owed = true;
      }
      this.seen = won ? mine : ((await redis.get(key)) ?? undefined);
    } else {
      this.seen = current;
    }
  }

  /** Queues the outstanding work again if it is owed; a failure is logged and tried again on the next call. */
  async settle(): Promise<void> {
    if (!this.owed) return;
    try {
      const counts: Record<string, number> = {};
      for (const [name, requeue] of this.requeues) counts[name] = await requeue();
      this.owed = false;
      this.logger.log({ requeued: counts }, 'outstanding work queued again after Redis lost its data');
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not queue the outstanding work again yet; trying again shortly');
    }
  }
}
