import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from './redis.module';

/** BullMQ loses jobs if Redis may evict keys; the worker refuses to start on such a Redis. */
@Injectable()
export class RedisPolicyCheck implements OnModuleInit {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onModuleInit(): Promise<void> {
    const reply = (await this.redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== undefined && policy !== 'noeviction') {
      throw new Error(`Redis maxmemory-policy is "${policy}"; the worker needs "noeviction" so that no job is ever evicted`);
    }
  }
}
