import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Setting } from './setting.entity';
import { Person } from '../people/person.entity';

/** A person on a setting's staff; leaving sets endDate, the row is never deleted. */
@Entity('setting_staff')
@Index('setting_staff_setting_idx', ['settingId', 'startDate'])
@Index('setting_staff_person_idx', ['personId'])
@Check('setting_staff_dates_check', 'end_date IS NULL OR end_date >= start_date')
export class SettingStaff {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  settingId: string;

  @ManyToOne(() => Setting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'setting_id' })
  setting?: Setting;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column('date')
  startDate: string;

  @Column('date', { nullable: true })
  endDate: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
