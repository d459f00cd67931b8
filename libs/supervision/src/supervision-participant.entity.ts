import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@npa/registry';
import { SupervisionSession } from './supervision-session.entity';

/**
 * One practitioner in a session: a group session counts for each of them. The session's date is kept
 * beside it, held equal to the session's by the foreign key, so "a practitioner's latest session" is one
 * probe of an index rather than a read of each of their sessions (README, Benchmarks).
 */
@Entity('supervision_participants')
@Index('supervision_participants_practitioner_date_idx', ['practitionerId', 'sessionDate', 'sessionId'])
export class SupervisionParticipant {
  @PrimaryColumn('uuid')
  sessionId: string;

  @Column('date')
  sessionDate: string;

  @ManyToOne(() => SupervisionSession, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn([
    { name: 'session_id', referencedColumnName: 'id' },
    { name: 'session_date', referencedColumnName: 'date' },
  ])
  session?: SupervisionSession;

  @PrimaryColumn('uuid')
  practitionerId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practitioner_id' })
  practitioner?: Person;
}
