import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const AGE_RANGES = ['0-3', '0-4', '0-5'] as const;
export type AgeRange = (typeof AGE_RANGES)[number];

/** A registered Portage service: a team, usually of a local authority, that visits families at home. */
@Entity('services')
export class Service {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  localAuthority: string;

  @Column('text')
  region: string;

  @Column('text')
  ageRange: AgeRange;

  /** Issued on registration from the service_registration_seq sequence: NPA-S-00001. */
  @Column('text', { unique: true })
  registrationNumber: string;

  @Column('date', { default: () => 'CURRENT_DATE' })
  registeredOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
