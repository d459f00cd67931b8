import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from './person.entity';

export const QUALIFICATION_KINDS = ['level3', 'relevant_degree', 'accredited_trainer'] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];
export const QUALIFICATION_STATUSES = ['achieved', 'working_towards'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

/** Level 3, a relevant degree or the accredited-trainer qualification, achieved or working towards. */
@Entity('qualifications')
@Index('qualifications_person_idx', ['personId'])
export class Qualification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column('text')
  kind: QualificationKind;

  @Column('text')
  status: QualificationStatus;

  @Column('date', { nullable: true })
  date: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
