import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationKind } from '@npa/platform';
import type { RuleResult } from './rules/result';

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

  /** As sent: written once, read back whole, never looked inside by SQL (migration StoreSnapshotResultsAsJson). */
  @Column('json')
  results: RuleResult[];

  @Column('integer')
  parameterVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
