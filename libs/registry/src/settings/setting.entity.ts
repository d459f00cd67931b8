import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const SETTING_KINDS = ['nursery', 'childminder', 'preschool'] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

/** An early years setting or childminder registered with Ofsted, known by its URN. */
@Entity('settings')
export class Setting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { unique: true })
  ofstedUrn: string;

  @Column('text')
  kind: SettingKind;

  @Column('integer')
  staffCount: number;

  /** Town or local authority area, shown on the public register of approved settings. */
  @Column('text', { nullable: true })
  localArea: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
