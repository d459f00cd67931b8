import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job written in the same transaction as the change that wants it, waiting for the relay to put it
 * on its BullMQ queue. A rolled-back change leaves no row, so no job; a Redis outage leaves the row.
 */
@Entity('job_outbox')
@Index('job_outbox_job_id_key', ['jobId'], { unique: true })
// The relay's claim query reads only rows still waiting, fewest failed attempts first.
@Index('job_outbox_pending_idx', ['attempts', 'id'], { where: '"relayed_at" IS NULL' })
export class OutboxEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** A job name of the registry in queue/jobs.ts. */
  @Column('text')
  name: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  /** The BullMQ job id, deterministic: the same intent twice is one row and one job. */
  @Column('text')
  jobId: string;

  /** BullMQ options beyond the registry's defaults; a delay counts from createdAt, not from relaying. */
  @Column('jsonb', { default: {} })
  options: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  relayedAt: Date | null;

  /** Times a relay tried to put it on its queue (1 for a row relayed at the first try). */
  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;
}
