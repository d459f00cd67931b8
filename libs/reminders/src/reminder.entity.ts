import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ReminderState = 'pending' | 'sent' | 'suppressed' | 'failed' | 'unknown';

/**
 * A reminder the daily sweep found due. Its key (kind, subject, due date) is unique and doubles as its
 * job id, so however often the sweep runs, and however many at once, each reminder exists once.
 */
@Entity('reminders')
@Index('reminders_key', ['kind', 'subjectKind', 'subjectId', 'dueOn'], { unique: true })
@Index('reminders_organisation_idx', ['organisationKind', 'organisationId', 'dueOn'])
@Index('reminders_state_idx', ['state', 'dueOn'])
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: string;

  @Column('text')
  subjectKind: string;

  @Column('uuid')
  subjectId: string;

  @Column('date')
  dueOn: string;

  /** The service or setting it is listed under. */
  @Column('text', { nullable: true })
  organisationKind: 'service' | 'setting' | null;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @Column('jsonb')
  recipients: { email: string; name: string }[];

  @Column('jsonb')
  facts: Record<string, unknown>;

  @Column('text', { default: 'pending' })
  state: ReminderState;

  /** Why it was suppressed or failed, in words for NPA staff. */
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { nullable: true })
  letterId: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  /** The rule parameters version whose offsets found it due; null for one recorded before versions were kept. */
  @Column('integer', { nullable: true })
  parameterVersion: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
