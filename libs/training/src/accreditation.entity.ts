import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Trainer } from './trainer.entity';

/** A period in which a trainer held NPA accreditation; a renewal is a new period, never an edit. */
@Entity('trainer_accreditations')
@Index('trainer_accreditations_trainer_idx', ['trainerId', 'accreditedFrom'])
@Check('trainer_accreditations_dates_check', 'accredited_to >= accredited_from')
export class Accreditation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  trainerId: string;

  @ManyToOne(() => Trainer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainer_id' })
  trainer?: Trainer;

  @Column('date')
  accreditedFrom: string;

  @Column('date')
  accreditedTo: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
