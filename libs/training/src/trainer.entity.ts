import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@npa/platform';
import { Person } from '@npa/registry';

/** An NPA-Accredited Trainer: a person with one or more accreditation periods. */
@Entity('trainers')
export class Trainer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { unique: true })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  /**
   * The trainer's own account, set by NPA staff (when either is created with the same email, or by
   * hand): by id, so changing a person's or a user's email never moves a trainer's workshops.
   */
  @Column('uuid', { nullable: true })
  userId: string | null;

  @OneToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
