import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@npa/registry';
import { SupervisionSession } from './supervision-session.entity';

/** One practitioner in a session: a group session counts for each of them. */
@Entity('supervision_participants')
@Index('supervision_participants_practitioner_idx', ['practitionerId'])
export class SupervisionParticipant {
  @PrimaryColumn('uuid')
  sessionId: string;

  @ManyToOne(() => SupervisionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: SupervisionSession;

  @PrimaryColumn('uuid')
  practitionerId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practitioner_id' })
  practitioner?: Person;
}
