import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Setting } from './setting.entity';

export const OFSTED_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type OfstedGrade = (typeof OFSTED_GRADES)[number];

/** Only a `recorded` inspection counts for SA-OFSTED: one a setting proposes waits for NPA staff to confirm it. */
export const INSPECTION_STATUSES = ['recorded', 'proposed', 'rejected'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

@Entity('inspections')
@Index('inspections_setting_idx', ['settingId', 'date'])
export class Inspection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  settingId: string;

  @ManyToOne(() => Setting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'setting_id' })
  setting?: Setting;

  @Column('date')
  date: string;

  @Column('text')
  grade: OfstedGrade;

  @Column('text', { default: 'recorded' })
  status: InspectionStatus;

  /** Where Ofsted published the report, so staff can check a proposal against it. */
  @Column('text', { nullable: true })
  reportUrl: string | null;

  /** The setting contact who proposed it; null when NPA staff recorded it directly. */
  @Column('uuid', { nullable: true })
  proposedBy: string | null;

  /** The NPA staff member who confirmed or rejected a proposal. */
  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  rejectionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
