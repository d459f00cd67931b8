import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Trainer } from './trainer.entity';

/** A Portage Workshop delivered by one trainer, at a venue or online. */
@Entity('workshops')
@Index('workshops_trainer_idx', ['trainerId', 'startDate'])
@Check('workshops_dates_check', 'end_date >= start_date')
@Check('workshops_capacity_check', 'capacity > 0')
export class Workshop {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  trainerId: string;

  @ManyToOne(() => Trainer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainer_id' })
  trainer?: Trainer;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  /** A place, or "online". */
  @Column('text')
  venue: string;

  @Column('boolean', { default: false })
  online: boolean;

  @Column('integer')
  capacity: number;

  /**
   * Scheduled by a trainer too far in the past (`needsConfirmation`): its completions count for nothing,
   * compliance or certificates, until NPA staff confirm it. Every reader of completions checks this.
   */
  @Column('boolean', { default: false })
  awaitingConfirmation: boolean;

  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;

  /** The NPA staff user who confirmed it. */
  @Column('uuid', { nullable: true })
  confirmedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
