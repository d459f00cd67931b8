import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Setting } from './setting.entity';

/**
 * A change to the staff count a setting declares. The count decides how many trained staff SA-TRAINED
 * asks for, so reviewers see every change, who made it and when.
 */
@Entity('setting_staff_count_changes')
@Index('setting_staff_count_changes_setting_idx', ['settingId', 'changedAt'])
export class StaffCountChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  settingId: string;

  @ManyToOne(() => Setting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'setting_id' })
  setting?: Setting;

  @Column('integer')
  fromCount: number;

  @Column('integer')
  toCount: number;

  @Column('uuid', { nullable: true })
  changedBy: string | null;

  @Column('text', { nullable: true })
  changedByName: string | null;

  @Column('text', { nullable: true })
  changedByRole: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
