import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A published version of a letter's template. Versions are never edited: publishing makes a new one,
 * and letters already made keep the version (and the rendered files) they were made with.
 */
@Entity('letter_templates')
export class LetterTemplate {
  @PrimaryColumn('text')
  kind: string;

  @PrimaryColumn('integer')
  version: number;

  /** The letter's body (Handlebars), inside the shared layout. */
  @Column('text')
  body: string;

  /** The plain-text email that carries the letter. */
  @Column('text')
  text: string;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  publishedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt: Date;
}
