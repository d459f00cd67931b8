import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';
import { Evidence } from './evidence.entity';

/**
 * Last year's evidence, listed on a renewal as on file: a reference to the file the setting already
 * gave, never a copy, so it supports this year's criteria without being uploaded again.
 */
@Entity('application_evidence_on_file')
export class EvidenceOnFile {
  @PrimaryColumn('uuid')
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Application;

  @PrimaryColumn('uuid')
  evidenceId: string;

  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Evidence;
}
