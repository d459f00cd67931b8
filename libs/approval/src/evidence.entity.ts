import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from './application.entity';

/** A file a setting uploaded as evidence. The file lives in storage under `storageKey`, never under its own name. */
@Entity('evidence')
@Index('evidence_application_idx', ['applicationId'])
export class Evidence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  /** The criterion it supports, if the setting said. */
  @Column('text', { nullable: true })
  criterionId: string | null;

  /** The name it was uploaded with, cleaned; shown and offered on download only. */
  @Column('text')
  fileName: string;

  @Column('text')
  storageKey: string;

  /** Decided from the file's content, not its name. */
  @Column('text')
  contentType: string;

  @Column('integer')
  sizeBytes: number;

  @Column('text')
  sha256: string;

  @Column('uuid', { nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
