import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Setting } from './setting.entity';

export const OFSTED_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type OfstedGrade = (typeof OFSTED_GRADES)[number];

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
