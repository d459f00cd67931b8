import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Service } from './service.entity';
import { Person } from '../people/person.entity';
import { numericToNumber } from '@npa/database';

export const TEAM_ROLES = ['practitioner', 'supervisor', 'manager'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A person's post in a service's team; leaving sets endDate, the row is never deleted. */
@Entity('team_members')
@Index('team_members_service_idx', ['serviceId', 'startDate'])
@Index('team_members_person_idx', ['personId'])
@Check('team_members_fte_check', 'fte > 0 AND fte <= 1')
@Check('team_members_caseload_check', 'caseload >= 0')
@Check('team_members_dates_check', 'end_date IS NULL OR end_date >= start_date')
export class TeamMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Service;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column('text')
  role: TeamRole;

  @Column('numeric', { precision: 4, scale: 3, transformer: numericToNumber })
  fte: number;

  @Column('integer')
  caseload: number;

  @Column('date')
  startDate: string;

  @Column('date', { nullable: true })
  endDate: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
