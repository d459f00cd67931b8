import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The local authorities of England (317 since 2023), the denominator of the snapshot's coverage. The NPA
 * keeps it current: when authorities merge, the old ones get an end date and the new one is added.
 */
@Entity('local_authorities')
export class LocalAuthority {
  /** ONS GSS code, e.g. E08000035. */
  @PrimaryColumn('text')
  code: string;

  @Column('text', { unique: true })
  name: string;

  @Column('text')
  region: string;

  @Column('text')
  kind: string;

  /** The first day it existed, for one made by a reorganisation; null for one that existed before the register. */
  @Column('date', { nullable: true })
  startedOn: string | null;

  /** The last day it existed; null while it does. */
  @Column('date', { nullable: true })
  endedOn: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
