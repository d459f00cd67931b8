import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a read as a named prepared statement on the pool behind TypeORM: each connection parses and
 * plans it once, and PostgreSQL may keep one plan for it. For the reads every request makes, where
 * parsing and planning cost more than running (figures in README, Benchmarks). The statement must take the same parameters every time, and a
 * plan that suits any value: `service_id = ANY($1)`, never `$1 IS NULL OR ...`, which only a plan made
 * for each call can use an index for. Not inside a transaction: it runs on a connection of its own.
 */
export async function prepared<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  return (await pool.query<T & object>({ name, text, values })).rows;
}

/**
 * A read that callers make both inside transactions and outside any (the names on a page, say):
 * prepared on the pool, as `prepared`, when the caller has no transaction; in the caller's transaction
 * otherwise, where it must see what that transaction has written.
 */
export async function preparedRead<T>(db: Pick<EntityManager, 'query'>, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (db instanceof DataSource) return prepared<T>(db, name, text, values);
  if (db instanceof EntityManager && !db.queryRunner) return prepared<T>(db.connection, name, text, values);
  return db.query<T[]>(text, values);
}
