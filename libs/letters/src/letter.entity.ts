import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationKind } from '@npa/platform';

/** What a letter is about; `report` is the NPA's own report (the national snapshot), seen by NPA staff only. */
export type LetterSubjectKind = OrganisationKind | 'person' | 'report';

/**
 * A letter the NPA signs: the data it was made from (a snapshot, so it says the same thing forever), the
 * template version, where its HTML and PDF are kept, and the code anyone can verify it by. `dedupeKey`
 * makes asking twice for the same letter (a retried decision, two sweeps) one letter.
 */
@Entity('letters')
@Index('letters_subject_idx', ['subjectKind', 'subjectId', 'createdAt'])
export class Letter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: string;

  @Column('text')
  subjectKind: LetterSubjectKind;

  @Column('uuid')
  subjectId: string;

  /** Who it is for, by name: the organisation or the person. */
  @Column('text')
  subjectName: string;

  @Column('text', { unique: true })
  dedupeKey: string;

  @Column('text', { unique: true })
  verificationCode: string;

  @Column('integer')
  templateVersion: number;

  @Column('jsonb')
  data: Record<string, unknown>;

  /** Where it is emailed; empty for a letter kept on file only. */
  @Column('jsonb')
  recipients: { email: string; name: string }[];

  @Column('text', { nullable: true })
  htmlKey: string | null;

  @Column('text', { nullable: true })
  pdfKey: string | null;

  @Column('timestamptz', { nullable: true })
  renderedAt: Date | null;

  /** Set when the letter was made for a reminder, whose stop condition is checked again before sending. */
  @Column('uuid', { nullable: true })
  reminderId: string | null;

  /** The rule parameters version whose periods it states (an act-by date, a reminder's offsets); null when it states none. */
  @Column('integer', { nullable: true })
  parameterVersion: number | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
