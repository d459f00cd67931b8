import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';

/** The NPA induction checklist, completed by a person on a date. */
@Entity('inductions')
@Index('inductions_person_idx', ['personId'])
export class Induction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column('date')
  completedOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
