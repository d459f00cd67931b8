import { join } from 'node:path';
import { Client, type ClientConfig } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * Every lib contributes its entities by naming their files `*.entity.ts` (`.entity.js` once built): the
 * database lib finds them without importing domain code, and the API, the worker (which boots only some
 * modules, yet loads rows related across libs), the CLI and migration:generate all see the same schema.
 * An entity in a file named otherwise is missed, and `npm run migration:check` then fails.
 */
export const ENTITY_FILES = join(__dirname, '..', '..', '*', 'src', '**', '*.entity.{ts,js}');

/**
 * Each connection runs without PostgreSQL's JIT. It compiles a query with LLVM once the planner's cost
 * estimate passes 100,000, which the register's set-based reads (the reminder finders, the facts of every
 * service) do: supervision's finder spent 392 ms compiling and 455 ms running at scale 10. JIT pays back
 * only on scans of millions of rows, and this system reads thousands. The sweep's SQL floor runs the same way.
 */
const SESSION_OPTIONS = '-c jit=off';

/**
 * pg's client, listening for its own 'error' from the moment it is made. A client raises 'error' when its
 * connection dies between queries (a server shutting down sends each one 57P01, "terminating connection
 * due to administrator command"), and Node throws an 'error' nobody listens for, ending the process.
 * pg-pool listens while a client is idle, TypeORM while a query runner holds it; but TypeORM starts
 * listening a microtask after the pool hands the client over. A client released while pg is still reading
 * the socket (a prepared read answered, `prepared` in @npa/platform) goes straight to a query runner
 * waiting for a connection, and when the rest of that read is the server's farewell, nobody listens yet.
 * Nothing is lost by listening here: pg marks the client unusable, its holder's next query fails (a 503 to
 * a request, a retry for a job), and the pool drops it when it is released.
 */
class ListenedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * The one description of the database, shared by the API, the worker, the CLI and the tests. `overrides`
 * replaces options; its `extra` (pg's pool) is laid over the defaults, not in place of them.
 */
export function dataSourceOptions(databaseUrl: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  const pool = (overrides as { extra?: Record<string, unknown> }).extra;
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url: databaseUrl,
    entities: [ENTITY_FILES],
    // The schema changes only through reviewed migrations, never from the entities at start-up.
    synchronize: false,
    migrationsRun: false,
    migrations: [join(__dirname, '..', '..', '..', 'migrations', '[0-9]*-*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    ...overrides,
    // A server that accepts no connection (hung, or a black-holed network) fails a request in 10 s
    // with a 503 instead of holding it for ever; a slow query is left alone (imports and sweeps are long).
    // A connection idle for a minute is closed (pg's default is 10 s): a new one costs a backend's start,
    // cold catalogue caches and every prepared statement planned afresh, which showed as slow requests
    // each time traffic paused (bench/http.ts).
    extra: {
      max: 20,
      application_name: 'npa-back-office',
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 60_000,
      options: SESSION_OPTIONS,
      Client: ListenedClient,
      ...pool,
    },
  } as DataSourceOptions;
}

/** Creates the database named in the URL when it does not exist yet (a fresh machine). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Applies pending migrations; returns the names it applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 2 } }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 2 } }));
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
