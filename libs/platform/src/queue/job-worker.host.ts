import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { bullmqConnection } from '../redis/redis';
import { JOB_NAMES, JobName, JOBS, QUEUES } from './jobs';
import { ON_JOB } from './on-job.decorator';

type Handler = (payload: unknown, job: Job) => Promise<unknown>;

/** Finds every handler, pairs it with every job name, and fails at boot when one is missing or doubled. */
export function pairHandlers(found: { name: JobName; owner: string; handler: Handler }[]): Map<JobName, Handler> {
  const handlers = new Map<JobName, Handler>();
  const problems: string[] = [];
  for (const { name, owner, handler } of found) {
    if (!JOB_NAMES.includes(name)) problems.push(`${owner} handles "${name}", which is not in the job registry`);
    else if (handlers.has(name)) problems.push(`"${name}" has two handlers (one in ${owner})`);
    else handlers.set(name, handler);
  }
  for (const name of JOB_NAMES) if (!handlers.has(name)) problems.push(`"${name}" has no handler`);
  if (problems.length > 0) throw new Error(`Job handlers do not match the registry: ${problems.join('; ')}`);
  return handlers;
}

/**
 * Runs the BullMQ workers in the worker process. Handlers throw to fail a job, so BullMQ records the
 * failure and retries it; on SIGTERM the workers stop taking jobs and finish those in flight.
 */
@Injectable()
export class JobWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const handlers = pairHandlers(this.discover());
    for (const queue of QUEUES) {
      const worker = new Worker(
        queue,
        async (job: Job) => {
          const handler = handlers.get(job.name as JobName);
          if (!handler || JOBS[job.name as JobName].queue !== queue) throw new Error(`No handler for job "${job.name}" on queue "${queue}"`);
          return handler(job.data, job);
        },
        {
          connection: bullmqConnection(this.config.REDIS_URL),
          prefix: this.config.REDIS_PREFIX,
          concurrency: 4,
          lockDuration: Number(process.env.WORKER_LOCK_MS ?? 30000),
          stalledInterval: Number(process.env.WORKER_LOCK_MS ?? 30000),
        },
      );
      worker.on('failed', (job, error) => this.logger.warn({ job: job?.name, id: job?.id, attempt: job?.attemptsMade, err: error.message }, 'job failed'));
      worker.on('error', (error) => this.logger.error({ err: error.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log(`Handling ${handlers.size} job kinds on ${QUEUES.length} queues`);
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`Stopping workers (${signal ?? 'shutdown'}): finishing jobs in flight`);
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private discover(): { name: JobName; owner: string; handler: Handler }[] {
    const found: { name: JobName; owner: string; handler: Handler }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as ((...args: unknown[]) => Promise<unknown>) | undefined;
        const name = typeof fn === 'function' ? this.reflector.get<JobName | undefined>(ON_JOB, fn) : undefined;
        if (name) found.push({ name, owner: `${wrapper.name as string}.${method}`, handler: fn!.bind(instance) as Handler });
      }
    }
    return found;
  }
}
