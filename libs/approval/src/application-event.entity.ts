import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from './application.entity';
import type { Role } from '@npa/platform';

/** The application's history as its people see it: who did what, when, from which state to which, and what they said. */
@Entity('application_events')
@Index('application_events_application_idx', ['applicationId', 'at'])
export class ApplicationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  actorName: string | null;

  @Column('text', { nullable: true })
  actorRole: Role | null;

  @Column('text')
  action: string;

  @Column('text', { nullable: true })
  fromState: string | null;

  @Column('text', { nullable: true })
  toState: string | null;

  @Column('text', { nullable: true })
  message: string | null;
}
