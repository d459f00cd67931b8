import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { Caller } from './authenticator';
import type { Actor } from './current-user';
import type { User } from './user.entity';

export const SESSION_COOKIE = 'npa_session';

const hash = (id: string) => createHash('sha256').update(id).digest('hex');

/** Browser sign-ins: made at sign-in, ended by sign-out, by idleness, or at the end of the working day. */
@Injectable()
export class WebSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** A new session for the user; the returned value goes in the cookie and nowhere else. */
  async start(user: Pick<User, 'id' | 'tokenVersion'>): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO web_sessions (id_hash, user_id, token_version, last_seen_at, expires_at) VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4))`,
      [hash(id), user.id, user.tokenVersion, this.config.WEB_SESSION_HOURS * 3600],
    );
    return id;
  }

  /**
   * Who holds this session, if it is still live; seeing it counts as activity. The row is written at
   * most once a minute, not on every page and asset, which is all a 30-minute idle limit needs.
   */
  async actor(id: string | undefined): Promise<Actor | null> {
    return (await this.caller(id))?.actor ?? null;
  }

  /** The session's user, and whether they have one-time codes on (STAFF_TOTP_REQUIRED asks). */
  async caller(id: string | undefined): Promise<Caller | null> {
    if (!id || id.length > 100) return null;
    const [row] = await this.dataSource.query<
      { id: string; email: string; name: string; role: Actor['role']; organisation_id: string | null; totp_enabled: boolean }[]
    >(
      `WITH live AS (
         SELECT s.id_hash, s.last_seen_at, u.id, u.email, u.name, u.role, u.organisation_id, u.totp_enabled_at IS NOT NULL AS totp_enabled
           FROM web_sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
            AND s.last_seen_at > now() - make_interval(mins => $2) AND u.disabled_at IS NULL AND u.token_version = s.token_version),
       touched AS (
         UPDATE web_sessions SET last_seen_at = now()
          WHERE id_hash IN (SELECT id_hash FROM live WHERE last_seen_at < now() - interval '1 minute'))
       SELECT id, email, name, role, organisation_id, totp_enabled FROM live`,
      [hash(id), this.config.WEB_SESSION_IDLE_MINUTES],
    );
    return row
      ? { actor: { id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisation_id }, totpEnabled: row.totp_enabled }
      : null;
  }

  async end(id: string | undefined): Promise<void> {
    if (id) await this.dataSource.query('UPDATE web_sessions SET ended_at = now() WHERE id_hash = $1 AND ended_at IS NULL', [hash(id)]);
  }
}
