import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Person } from './person.entity';

/** A period of NPA professional membership; it covers a date when startDate <= date <= endDate. */
@Entity('memberships')
@Index('memberships_person_idx', ['personId', 'startDate'])
@Check('memberships_dates_check', 'end_date >= start_date')
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column('text')
  number: string;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
