import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '@npa/registry';
import { Workshop } from './workshop.entity';

export const OUTCOMES = ['completed', 'not_completed'] as const;
export type OutcomeKind = (typeof OUTCOMES)[number];

/**
 * An attendee's recorded outcome. Rows are never edited: a correction is a new row that supersedes the
 * previous one (a unique index lets each row be superseded once), so the history stays whole.
 */
@Entity('workshop_outcomes')
@Index('workshop_outcomes_workshop_person_idx', ['workshopId', 'personId'])
@Index('workshop_outcomes_person_idx', ['personId'])
@Index('workshop_outcomes_supersedes_key', ['supersedesId'], { unique: true })
export class Outcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column('text')
  outcome: OutcomeKind;

  /** Short, unguessable, set only for a completion. */
  @Column('text', { nullable: true, unique: true })
  certificateCode: string | null;

  @Column('uuid', { nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => Outcome, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: Outcome;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
