import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A browser's sign-in. The cookie holds only this row's random id; the row says whose it is, until
 * when, and whether it was signed out, so signing out (or disabling the user, or changing their role)
 * ends it at once, wherever the cookie is.
 */
@Entity('web_sessions')
@Index('web_sessions_user_idx', ['userId'])
export class WebSession {
  /** sha256 of the cookie's value: a leaked table does not hand out live sessions. */
  @PrimaryColumn('text')
  idHash: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The user's token version when signed in: a role change or disabling ends the session. */
  @Column('integer')
  tokenVersion: number;

  @Column('timestamptz')
  lastSeenAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
