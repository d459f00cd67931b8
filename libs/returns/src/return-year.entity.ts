import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * The NPA's settings for one reporting year: when its returns are due, and whether the NPA has closed it
 * (no more filing or correcting). A year without a row is open with the default due date.
 */
@Entity('return_years')
export class ReturnYear {
  @PrimaryColumn('integer')
  startYear: number;

  @Column('date')
  dueOn: string;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @Column('uuid', { nullable: true })
  closedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
