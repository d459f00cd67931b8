import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Snapshot } from './rules/snapshot';

/** A national snapshot as it stood when the office asked for the PDF: the figures are kept, so the report never changes. */
@Entity('snapshot_reports')
@Index('snapshot_reports_year_idx', ['startYear', 'createdAt'])
export class SnapshotReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('integer')
  startYear: number;

  @Column('boolean')
  provisional: boolean;

  @Column('jsonb')
  figures: Snapshot;

  @Column('uuid', { nullable: true })
  letterId: string | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
