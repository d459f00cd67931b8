import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Letter } from './letter.entity';

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'suppressed';

/**
 * One email carrying one letter. A send is claimed (`sending`) before it is attempted and marked `sent`
 * with the server's message id after; a claim found still `sending` after a crash becomes `unknown`
 * and is shown to staff, never resent blindly.
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
  recipients: { email: string; name: string }[];

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
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
