import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RuleResult } from '@npa/compliance';
import { Application } from './application.entity';

/**
 * One criterion of one application: the setting's statement (judged criteria), the reviewer's
 * recommendation while reviewing, and the outcome with its reason once decided. For computed criteria
 * `evaluation` keeps the register's result as it stood at the last submission or the decision.
 */
@Entity('application_criteria')
export class ApplicationCriterion {
  @PrimaryColumn('uuid')
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @PrimaryColumn('text')
  criterionId: string;

  @Column('text', { nullable: true })
  statement: string | null;

  /** Copied from last year's application and not yet confirmed or edited by the setting. */
  @Column('boolean', { default: false })
  carriedOver: boolean;

  @Column('text', { nullable: true })
  recommendation: 'pass' | 'fail' | null;

  @Column('text', { nullable: true })
  recommendationNote: string | null;

  @Column('text', { nullable: true })
  outcome: 'pass' | 'fail' | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb', { nullable: true })
  evaluation: RuleResult | null;

  @Column('date', { nullable: true })
  evaluatedOn: string | null;
}
