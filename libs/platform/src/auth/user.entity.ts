import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from './roles';

@Entity('users')
@Index('users_email_key', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored as typed; uniqueness is on lower(email) (see the migration). */
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  /**
   * The TOTP secret, encrypted (AES-256-GCM, totp-secret-box.ts). Set at setup; asked for at sign-in
   * only once confirmed (totpEnabledAt). Never leaves the server.
   */
  @Column('text', { nullable: true })
  totpSecret: string | null;

  @Column('timestamptz', { nullable: true })
  totpEnabledAt: Date | null;

  /** The time step of the last code accepted: a code, or an older one, is never accepted again. */
  @Column('integer', { nullable: true })
  totpLastStep: number | null;

  /** Bumped when a role changes or the account is disabled, so tokens issued before stop working. */
  @Column('integer', { default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
