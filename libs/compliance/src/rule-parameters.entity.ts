import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RuleParams } from './rules/params';

/** Every version of the rule thresholds ever in force; the highest version is current. */
@Entity('rule_parameter_versions')
export class RuleParameterVersion {
  @PrimaryColumn('integer')
  version: number;

  @Column('jsonb')
  params: RuleParams;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
