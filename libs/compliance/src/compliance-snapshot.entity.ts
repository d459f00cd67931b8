import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationKind } from '@npa/platform';
import type { KeptResult } from './rules/result';

/**
 * A subject's results on a date, stored only when its status or a rule outcome changed since the one
 * before, so the history is compact and complete.
 */
@Entity('compliance_snapshots')
@Index('compliance_snapshots_subject_idx', ['subjectKind', 'subjectId', 'asOf'])
export class ComplianceSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  subjectKind: OrganisationKind;

  @Column('uuid')
  subjectId: string;

  @Column('date')
  asOf: string;

  @Column('text')
  status: string;

  /** Each rule's outcome and explanation (KeptResult), as sent: never looked inside by SQL (migration StoreSnapshotResultsAsJson). */
  @Column('json')
  results: KeptResult[];

  /**
   * The ids of the people the results were about (peopleIn), by which a person's snapshots are found. Null
   * in snapshots stored before migration KeepSnapshotPeople: their results' facts name the people.
   */
  @Column('json', { nullable: true })
  people: string[] | null;

  @Column('integer')
  parameterVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
