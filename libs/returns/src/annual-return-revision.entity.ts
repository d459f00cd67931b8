import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AnnualReturn } from './annual-return.entity';
import type { ReturnFigures } from './rules/figures';

/** Every filing and correction of a return as it was sent, so the office can see what changed and who changed it. */
@Entity('annual_return_revisions')
@Index('annual_return_revisions_return_idx', ['returnId', 'revision'], { unique: true })
export class AnnualReturnRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  returnId: string;

  @ManyToOne(() => AnnualReturn, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  annualReturn?: AnnualReturn;

  @Column('integer')
  revision: number;

  @Column('jsonb')
  figures: ReturnFigures;

  @Column('uuid')
  filedBy: string;

  @Column('text')
  filedByName: string;

  @CreateDateColumn({ type: 'timestamptz' })
  filedAt: Date;
}
