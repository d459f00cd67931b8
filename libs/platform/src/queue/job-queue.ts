import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { bullmqConnection } from '../redis/redis';
import { jobOptions, JobName, JobPayloads, JOBS, QueueName } from './jobs';

/** The only way anything puts work on a queue: typed by job name, with the shared retry policy. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly logger = new Logger('Queues');

  constructor(private readonly config: AppConfig) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<Job> {
    return this.queue(JOBS[name].queue).add(name, payload, jobOptions(name, options));
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // Adding a job fails at once while Redis is away (the API answers 503) instead of waiting for it to return.
      const connection = { ...bullmqConnection(this.config.REDIS_URL), enableOfflineQueue: false, maxRetriesPerRequest: 1 };
      queue = new Queue(name, { connection, prefix: this.config.REDIS_PREFIX });
      // Without a listener a lost connection is printed on every retry; with one it is logged, and ioredis reconnects.
      queue.on('error', (error) => this.logger.warn({ queue: name, err: error.message }, 'queue connection error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
