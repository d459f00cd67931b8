import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Person, Service } from '@npa/registry';

/** A dated meeting of a supervisor with one practitioner (individual) or several (group). */
@Entity('supervision_sessions')
@Index('supervision_sessions_service_idx', ['serviceId', 'date'])
// What the participants' copy of the date refers to (SupervisionParticipant).
@Unique('supervision_sessions_id_date_key', ['id', 'date'])
export class SupervisionSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Service;

  @Column('date')
  date: string;

  @Column('uuid')
  supervisorId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: Person;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
