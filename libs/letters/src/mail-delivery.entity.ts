import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Letter } from './letter.entity';

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'suppressed';

/**
 * One email carrying one letter. A send is claimed (`sending`) before it is attempted and marked `sent`
 * with the server's message id after. `dataStartedAt` is recorded once the server has accepted the
 * envelope, just before the message itself goes: a claim found still `sending` after a crash goes again
 * when it never got that far, and becomes `unknown` (shown to staff, never resent blindly) when it did.
 * Staff may send an `unknown` or `failed` email again, perhaps to a corrected address (`recipients`).
 */
@Entity('mail_deliveries')
@Index('mail_deliveries_state_idx', ['state', 'createdAt'])
export class MailDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { unique: true })
  letterId: string;

  @ManyToOne(() => Letter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id' })
  letter?: Letter;

  @Column('text')
  state: DeliveryState;

  @Column('jsonb')
  recipients: { email: string; name: string; copy?: boolean }[];

  @Column('text')
  subject: string;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  messageId: string | null;

  /** Why it failed, was suppressed, or is unknown: for NPA staff. */
  @Column('text', { nullable: true })
  reason: string | null;

  @Column('timestamptz', { nullable: true })
  claimedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  dataStartedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
