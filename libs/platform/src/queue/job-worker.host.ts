import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { isUnavailable } from '../http/unavailable';
import { bullmqConnection } from '../redis/redis';
import { Clock } from '../time/clock';
import { payloadProblems } from './job-payloads';
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

/** How long a job waits for the database to come back: doubling from half a second, at most 30 s. */
export function outageWaitMs(job: Pick<Job, 'attemptsStarted' | 'attemptsMade'>): number {
  const waitsSoFar = Math.max(0, job.attemptsStarted - 1 - job.attemptsMade);
  return Math.min(500 * 2 ** Math.min(waitsSoFar, 6), 30_000);
}

const PING_TIMEOUT_MS = 2000;

/**
 * Mail jobs run per pooled SMTP connection (MAIL_CONCURRENCY). With one each, a connection sat idle
 * while its job recorded the email sent and read and rendered the next; with three, another job's
 * message is waiting for it (reminders end to end 9.6 s -> 7.3-7.6 s, bench/reminders.ts). The
 * connections, and so the load on the mail server, stay as configured.
 */
const MAIL_JOBS_PER_CONNECTION = 3;

/**
 * Runs the BullMQ workers in the worker process. Handlers throw to fail a job, so BullMQ records the
 * failure and retries it; on SIGTERM the workers stop taking jobs and finish those in flight. A job that
 * fails while PostgreSQL is out of reach waits for it instead (delayed, its attempt not counted), so an
 * outage of any length spends no job's retries (every handler is safe to run again from the start). The
 * error must say the database is unreachable and a fresh ping must agree, so a real failure still counts.
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
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const handlers = pairHandlers(this.discover());
    for (const queue of QUEUES) {
      const worker = new Worker(
        queue,
        async (job: Job, token?: string) => {
          const handler = handlers.get(job.name as JobName);
          if (!handler || JOBS[job.name as JobName].queue !== queue) throw new Error(`No handler for job "${job.name}" on queue "${queue}"`);
          // Refused for good (no retry): the same payload would be refused again.
          const problems = payloadProblems(job.name as JobName, job.data, this.clock.today());
          if (problems.length > 0) throw new UnrecoverableError(`Job "${job.name}" refused: ${problems.join('; ')}`);
          try {
            return await handler(job.data, job);
          } catch (error) {
            // Both the error and a fresh ping must say so: a real failure while the pool is busy still counts.
            if (!token || !isUnavailable(error) || !(await this.databaseDown())) throw error;
            const waitMs = outageWaitMs(job);
            this.logger.warn(
              { job: job.name, id: job.id, waitMs, err: (error as Error)?.message },
              'the database is out of reach: the job waits for it and keeps its attempts',
            );
            await job.moveToDelayed(Date.now() + waitMs, token);
            throw new DelayedError();
          }
        },
        {
          connection: bullmqConnection(this.config.REDIS_URL),
          prefix: this.config.REDIS_PREFIX,
          concurrency: queue === 'mail' ? MAIL_JOBS_PER_CONNECTION * this.config.MAIL_CONCURRENCY : 4,
          lockDuration: this.config.WORKER_LOCK_MS,
          stalledInterval: this.config.WORKER_LOCK_MS,
        },
      );
      worker.on('failed', (job, error) => this.logger.warn({ job: job?.name, id: job?.id, attempt: job?.attemptsMade, err: error.message }, 'job failed'));
      worker.on('error', (error) => this.logger.error({ err: error.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log(`Handling ${handlers.size} job kinds on ${QUEUES.length} queues`);
  }

  /** True while every queue's worker is taking jobs (the worker's liveness file says so). */
  running(): boolean {
    return this.workers.length === QUEUES.length && this.workers.every((worker) => worker.isRunning());
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`Stopping workers (${signal ?? 'shutdown'}): finishing jobs in flight`);
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.logger.log('Workers stopped: every job in flight has finished');
  }

  private async databaseDown(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), PING_TIMEOUT_MS)));
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), late]);
      return false;
    } catch {
      return true;
    } finally {
      clearTimeout(timer);
    }
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
