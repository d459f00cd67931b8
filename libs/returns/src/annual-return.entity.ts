import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { numericToNumber } from '@npa/database';
import { Service } from '@npa/registry';
import type { AgeRange, FundingSource } from './rules/figures';

/** A service's return for one reporting year: aggregate counts and money only, never a child's details. */
@Entity('annual_returns')
@Unique('annual_returns_service_year', ['serviceId', 'startYear'])
@Check('annual_returns_counts_check', 'referrals_accepted >= 0 AND children_supported >= 0 AND waiting_list >= 0')
@Check('annual_returns_money_check', 'annual_cost > 0 AND team_fte > 0')
export class AnnualReturn {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Service;

  /** The reporting year by the calendar year it starts in (2024 = 2024/25). */
  @Column('integer')
  startYear: number;

  @Column('integer')
  referralsAccepted: number;

  @Column('integer')
  childrenSupported: number;

  @Column('integer')
  waitingList: number;

  @Column('text')
  ageRange: AgeRange;

  @Column('text')
  fundingSource: FundingSource;

  @Column('boolean')
  budgetCut: boolean;

  @Column('numeric', { precision: 6, scale: 2, transformer: numericToNumber })
  teamFte: number;

  @Column('integer')
  annualCost: number;

  /** How many times it has been filed: 1 on the first filing, then one more for each correction. */
  @Column('integer', { default: 1 })
  revision: number;

  @Column('uuid')
  filedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  filedAt: Date;

  @Column('uuid')
  updatedBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
