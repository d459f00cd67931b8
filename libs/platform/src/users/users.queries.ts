import type { EntityManager } from 'typeorm';
import type { Role } from '../auth/roles';
import { preparedRead } from '../database/prepared';

type Db = Pick<EntityManager, 'query'>;
export type UserLine = { id: string; name: string; email: string; role: Role };

/** The names of these users (disabled ones too: a record keeps who made it), by id. */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  // A page with nothing to name (a queue nobody has picked up yet) makes no round trip for it.
  if (ids.length === 0) return new Map();
  const rows = await preparedRead<{ id: string; name: string }>(db, 'users.names', 'SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The accounts with this email, whatever its case; `lock` holds them for the caller's transaction. */
export async function usersByEmail(db: Db, email: string, options: { lock?: boolean } = {}): Promise<UserLine[]> {
  return db.query<UserLine[]>(`SELECT id::text, name, email, role FROM users WHERE lower(email) = lower($1)${options.lock ? ' FOR UPDATE' : ''}`, [email]);
}

export async function userById(db: Db, id: string): Promise<UserLine | null> {
  const [user] = await db.query<UserLine[]>('SELECT id::text, name, email, role FROM users WHERE id = $1', [id]);
  return user ?? null;
}

/** Retention: renamed, and signed out for good (no password can match "!", and their tokens stop at once). */
export async function anonymiseUsers(db: Db, ids: string[], name: string, email: string): Promise<void> {
  await db.query(
    `UPDATE users SET name = $2, email = $3, password_hash = '!', disabled_at = COALESCE(disabled_at, now()), token_version = token_version + 1, updated_at = now(), version = version + 1
      WHERE id = ANY($1::uuid[])`,
    [ids, name, email],
  );
}

/** Which of these names (lower case) an account has, leaving out some accounts. */
export async function userNamesInUse(db: Db, lowerNames: string[], except: string[]): Promise<string[]> {
  const rows = await db.query<{ name: string }[]>(
    'SELECT DISTINCT lower(name) AS name FROM users WHERE NOT (id = ANY($2::uuid[])) AND lower(name) = ANY($1::text[])',
    [lowerNames, except],
  );
  return rows.map((r) => r.name);
}

/** An organisation's live accounts with a role (its service managers, its setting contacts), by address. */
export async function liveUsersOf(db: Db, role: Role, organisationId: string): Promise<{ email: string; name: string }[]> {
  return db.query('SELECT email, name FROM users WHERE role = $1 AND organisation_id = $2 AND disabled_at IS NULL ORDER BY lower(email)', [
    role,
    organisationId,
  ]);
}
