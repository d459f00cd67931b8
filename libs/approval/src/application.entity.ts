import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { User } from '@npa/platform';
import { Setting } from '@npa/registry';
import type { ApplicationState } from './rules/machine';

export type ApplicationKind = 'new' | 'renewal';

/**
 * A setting's application for the Stamp of Approval. Its state moves only through rules/machine.ts;
 * `version` makes two reviewers deciding at once a conflict instead of two decisions.
 */
@Entity('applications')
// At most one open application per setting, whatever races the API loses.
@Index('applications_one_open_per_setting', ['settingId'], { unique: true, where: `state IN ('draft', 'submitted', 'under_review', 'information_requested')` })
@Index('applications_queue_idx', ['state', 'submittedAt'])
// The review queue's page in its order (oldest submission first), so a page reads its rows and stops.
@Index('applications_review_queue_idx', ['submittedAt', 'id'], { where: `state IN ('submitted', 'under_review')` })
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  settingId: string;

  @ManyToOne(() => Setting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'setting_id' })
  setting?: Setting;

  @Column('text')
  kind: ApplicationKind;

  @Column('text')
  state: ApplicationState;

  /** For a renewal: the award it renews. */
  @Column('uuid', { nullable: true })
  renewsAwardId: string | null;

  /** The approved application whose statements and evidence this one started from. */
  @Column('uuid', { nullable: true })
  previousApplicationId: string | null;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_application_id' })
  previousApplication?: Application;

  /** The reviewer who took it from the queue. */
  @Column('uuid', { nullable: true })
  reviewerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: User;

  /** The latest submission: the queue waits from here. */
  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
