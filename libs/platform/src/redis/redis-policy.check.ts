import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from './redis.module';

/** The exit code of a worker that refuses its environment: EX_CONFIG of sysexits.h, so a supervisor can tell it from a crash. */
export const REFUSED_EXIT_CODE = 78;

/** Thrown at start-up when the worker will not run against what it was given; main.ts exits with its code. */
export class RefusedToStart extends Error {
  readonly exitCode = REFUSED_EXIT_CODE;
}

/**
 * Why a Redis may not hold the queues, read from `INFO memory` (managed services often disable CONFIG):
 * any maxmemory-policy but noeviction lets Redis delete keys when full, and BullMQ's jobs are keys.
 * Null when it may.
 */
export function evictionProblem(infoMemory: string): string | null {
  const policy = /^maxmemory_policy:(\S+)/m.exec(infoMemory)?.[1];
  if (policy === undefined || policy === 'noeviction') return null;
  return `Redis maxmemory-policy is "${policy}", which may evict keys: queued jobs would be lost. Set maxmemory-policy to noeviction (redis.conf, or CONFIG SET maxmemory-policy noeviction) and start the worker again.`;
}

/** BullMQ's advice: the worker refuses to start on a Redis that may evict keys, before it takes a job. */
@Injectable()
export class RedisPolicyCheck implements OnModuleInit {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onModuleInit(): Promise<void> {
    const problem = evictionProblem(await this.redis.info('memory'));
    if (problem) throw new RefusedToStart(problem);
  }
}
