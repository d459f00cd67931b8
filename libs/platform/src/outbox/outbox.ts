import { Injectable } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { EntityManager } from 'typeorm';
import { JobName, JobPayloads, JOBS } from '../queue/jobs';

/** The channel a new outbox row is announced on (delivered at commit, dropped on rollback). */
export const OUTBOX_CHANNEL = 'job_outbox';

export type OutboxJobOptions = Omit<JobsOptions, 'jobId'> & { jobId: string };

/**
 * Enqueue-after-commit: `add` writes the job into job_outbox with the caller's transaction, and the
 * worker's OutboxRelay moves it to BullMQ once that transaction has committed. Use it wherever a job
 * belongs to a change that may still roll back; JobQueue.enqueue is for work with no such change.
 */
@Injectable()
export class Outbox {
  async add<N extends JobName>(manager: EntityManager, name: N, payload: JobPayloads[N], options: OutboxJobOptions): Promise<void> {
    await this.addMany(manager, name, [{ payload, options }]);
  }

  /** Many jobs of one kind in one statement (the sweep records thousands of reminders at once). */
  async addMany<N extends JobName>(manager: EntityManager, name: N, jobs: { payload: JobPayloads[N]; options: OutboxJobOptions }[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Outbox.add("${name}") needs the EntityManager of the transaction making the change`);
    }
    const params = outboxParams(name, jobs);
    if (jobs.length === 0) return;
    await manager.query(`WITH ${insertJobs(1)} ${NOTIFY_IF_ADDED}`, params);
  }

  /**
   * One write and its job as one statement: atomic without a transaction, one round trip where BEGIN,
   * the write, the add and COMMIT were four. `write` is a single INSERT, UPDATE or DELETE numbering its
   * parameters from $1; the job is added whether or not the write changed a row.
   */
  async addWith<N extends JobName>(
    db: Pick<EntityManager, 'query'>,
    write: { sql: string; params: unknown[] },
    name: N,
    payload: JobPayloads[N],
    options: OutboxJobOptions,
  ): Promise<void> {
    const params = outboxParams(name, [{ payload, options }]);
    await db.query(`WITH write AS (${write.sql}), ${insertJobs(write.params.length + 1)} ${NOTIFY_IF_ADDED}`, [...write.params, ...params]);
  }
}

/** The job rows as the statement's two parameters, after checking what BullMQ would refuse later. */
function outboxParams<N extends JobName>(name: N, jobs: { payload: JobPayloads[N]; options: OutboxJobOptions }[]): [N, string] {
  if (!JOBS[name]) throw new Error(`"${name}" is not in the job registry`);
  const rows = jobs.map(({ payload, options: { jobId, ...rest } }) => {
    checkJobId(jobId);
    return { payload, job_id: jobId, options: rest };
  });
  return [name, JSON.stringify(rows)];
}

// The same intent twice (a retried request, a re-run sweep) is one row, hence one job.
const insertJobs = (first: number) => `added AS (
  INSERT INTO job_outbox (name, payload, job_id, options)
  SELECT $${first}, x.payload, x.job_id, x.options FROM jsonb_to_recordset($${first + 1}::jsonb) AS x(payload jsonb, job_id text, options jsonb)
  ON CONFLICT (job_id) DO NOTHING RETURNING 1)`;
const NOTIFY_IF_ADDED = `SELECT pg_notify('${OUTBOX_CHANNEL}', '') WHERE EXISTS (SELECT 1 FROM added)`;

/** BullMQ refuses these ids when the relay adds the job; refusing them now keeps a row from never leaving. */
export function checkJobId(jobId: string): void {
  if (jobId === '' || jobId.includes(':') || `${parseInt(jobId, 10)}` === jobId) {
    throw new Error(`Job id "${jobId}" is not usable: it must be non-empty, not an integer, and without ":" (build it with jobId())`);
  }
}
