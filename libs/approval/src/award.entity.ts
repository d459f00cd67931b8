import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Setting } from '@npa/registry';
import { Application } from './application.entity';

/**
 * A Stamp of Approval: one year of dates, made by an approved application. Its state on any day
 * (active, at risk, expired) is derived from these dates and the register, never stored.
 */
@Entity('awards')
@Index('awards_setting_idx', ['settingId', 'startsOn'])
@Check('awards_dates_check', 'expires_on >= starts_on AND starts_on >= awarded_on')
export class Award {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  settingId: string;

  @ManyToOne(() => Setting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'setting_id' })
  setting?: Setting;

  @Column('uuid', { unique: true })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @Column('date')
  awardedOn: string;

  @Column('date')
  startsOn: string;

  @Column('date')
  expiresOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
