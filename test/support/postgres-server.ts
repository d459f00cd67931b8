import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate } from '@npa/database';
import { eventually } from './boot';
import { freePort } from './ports';

export type StopMode = 'smart' | 'fast' | 'immediate';

/** The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/<version>/bin), or PG_BIN. */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`No PostgreSQL binaries under ${root}; install postgresql or set PG_BIN`);
  return join(root, newest, 'bin');
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the "postgres" system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/**
 * A PostgreSQL cluster of the test's own: initdb'd into a temporary folder, trust auth, on a free port,
 * stopped and started at will (the machine's shared server is never touched: other suites run on it).
 * fsync is off (a drill kills the server process, not the machine, so written WAL survives); commits
 * stay synchronous, so an immediate stop loses nothing that was acknowledged.
 */
export async function privatePostgres() {
  const bin = postgresBin();
  const owner = runAs();
  const base = mkdtempSync(join(tmpdir(), 'npa-pg-'));
  if (owner) chownSync(base, owner.uid, owner.gid);
  const data = join(base, 'data');
  const log = join(base, 'server.log');
  const port = await freePort();
  let running = false;

  const run = (tool: string, args: string[]) =>
    new Promise<void>((resolve, reject) => {
      // stdio ignored: the postmaster pg_ctl leaves behind must not hold a pipe of ours open.
      const child = spawn(join(bin, tool), args, { cwd: base, stdio: 'ignore', ...owner });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} exited with ${code}; ${tail(log)}`))));
    });

  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  appendFileSync(
    join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${base}'`,
      'fsync = off',
      'full_page_writes = off',
      'max_connections = 60',
      '',
    ].join('\n'),
  );

  const start = async () => {
    await run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
    running = true;
  };
  const stop = async (mode: StopMode = 'fast') => {
    await run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    running = false;
  };
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;

  await start();
  return {
    port,
    url,
    start,
    stop,
    restart: async (mode: StopMode = 'fast') => {
      await stop(mode);
      await start();
    },
    running: () => running,
    /** Makes the database and applies every migration, as test/setup does for the shared server. */
    migrated: async (database: string) => {
      await migrate(url(database));
      return url(database);
    },
    /** Resolves once a new connection is accepted and answers. */
    ready: () => eventually(() => accepts(url('postgres')), 30_000, 100),
    destroy: async () => {
      if (running) await stop('immediate').catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export type PrivatePostgres = Awaited<ReturnType<typeof privatePostgres>>;

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-5).join(' | ');
  } catch {
    return 'no server log';
  }
}
