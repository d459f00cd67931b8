import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job the system knows, with its payload type: the one registry that producers and the
 * worker share. Add a job here and the worker refuses to start until something handles it.
 */
export const QUEUES = ['system'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Proves the path API -> Redis -> worker -> database end to end. */
  'system.heartbeat': { heartbeatId: string; holdMs?: number };
}
export type JobName = keyof JobPayloads;

export const JOBS: { [N in JobName]: { queue: QueueName; options?: JobsOptions } } = {
  'system.heartbeat': { queue: 'system', options: { attempts: 3 } },
};

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Retry and retention policy for every job unless the job says otherwise above. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
  removeOnFail: { age: 90 * 24 * 3600 },
};

/** The options a job is queued with: the defaults, then the registry's for the job, then the caller's. */
export const jobOptions = (name: JobName, options: JobsOptions = {}): JobsOptions => ({ ...DEFAULT_JOB_OPTIONS, ...JOBS[name].options, ...options });

/** Deterministic job ids make an enqueue idempotent; BullMQ forbids ":" in them, so parts join with ".". */
export const jobId = (...parts: (string | number)[]) => parts.map(String).join('.');
