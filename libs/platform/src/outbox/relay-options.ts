import type { JobsOptions } from 'bullmq';
import { jobOptions, JobName, JOBS } from '../queue/jobs';

export interface OutboxRow {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  job_id: string;
  options: JobsOptions;
  created_at: Date;
}

/**
 * The queue and BullMQ options a row is added with. A delay counts from when the change was made, so
 * a row that waited out a Redis outage is not held back a second time.
 */
export function relayOptions(row: OutboxRow, now: Date): { queue: (typeof JOBS)[JobName]['queue']; options: JobsOptions } {
  const spec = JOBS[row.name as JobName] as (typeof JOBS)[JobName] | undefined;
  if (!spec) throw new Error(`"${row.name}" is not in the job registry`);
  const { delay, ...rest } = row.options;
  const remaining = delay ? Math.max(0, row.created_at.getTime() + delay - now.getTime()) : 0;
  return { queue: spec.queue, options: jobOptions(row.name as JobName, { ...rest, ...(remaining > 0 ? { delay: remaining } : {}), jobId: row.job_id }) };
}
