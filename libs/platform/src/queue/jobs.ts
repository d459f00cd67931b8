import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job the system knows, with its payload type: the one registry that producers and the
 * worker share. Add a job here and the worker refuses to start until something handles it.
 */
export const QUEUES = ['system', 'sweep', 'letters', 'mail'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Proves the path API -> Redis -> worker -> database end to end. */
  'system.heartbeat': { heartbeatId: string; holdMs?: number };
  /** Evaluates the register, records status changes and finds every reminder due (asOf: today by default). */
  'sweep.daily': { asOf?: string };
  /** Anonymises people past the retention period (libs/privacy), as of the day (today by default). */
  'retention.daily': { asOf?: string };
  /** Checks a due reminder's stop condition again and makes its letter. */
  'reminder.prepare': { reminderId: string };
  /** Renders a letter from its snapshot to HTML and PDF and keeps both (renderOnly: print again, send nothing). */
  'letter.compose': { letterId: string; renderOnly?: boolean };
  /** Composes letters asked for together (the sweep's reminder emails) as letter.compose does each, in one job. */
  'letter.compose-many': { letterIds: string[] };
  /** Asks for the certificate letter of a recorded completion (once per outcome; none once it is corrected). */
  'certificate.issue': { outcomeId: string };
  /** Emails a rendered letter, at most once. */
  'letter.deliver': { letterId: string };
  /** Emails letters composed together, one after the other, each as letter.deliver does. */
  'letter.deliver-many': { letterIds: string[] };
  /** Tells an account's owner that its sign-ins are paused, with a code that lets them in (auth/sign-in-locks.ts). */
  'auth.lock-notice': { userId: string };
}
export type JobName = keyof JobPayloads;

export const JOBS: { [N in JobName]: { queue: QueueName; options?: JobsOptions } } = {
  'system.heartbeat': { queue: 'system', options: { attempts: 3 } },
  'sweep.daily': { queue: 'sweep', options: { attempts: 3 } },
  'retention.daily': { queue: 'sweep', options: { attempts: 3 } },
  'reminder.prepare': { queue: 'letters' },
  'letter.compose': { queue: 'letters' },
  'letter.compose-many': { queue: 'letters' },
  'certificate.issue': { queue: 'letters' },
  // 4xx and network failures retry after 2 s, 4 s, 8 s ...: 13 retries over about four and a half hours.
  'letter.deliver': { queue: 'mail', options: { attempts: 14, backoff: { type: 'exponential', delay: 2000 } } },
  // An email that fails here is handed to a letter.deliver job of its own; retried only for what fails around them (a read, Redis).
  'letter.deliver-many': { queue: 'mail' },
  // Worth sending only while the lock lasts: a few quick retries, then it fails.
  'auth.lock-notice': { queue: 'mail', options: { attempts: 4 } },
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
