import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './boot';
import { freePort } from './ports';

export interface PrivateRedisOptions {
  /** Keep an append-only file, fsynced on every write (docker-compose's Redis keeps one too): a restart loses nothing. */
  persist?: boolean;
  /** More redis-server arguments, e.g. ['--maxmemory-policy', 'allkeys-lru']. */
  args?: string[];
}

/**
 * A Redis server of the test's own on a free port, to stop and start again (the machine's shared Redis
 * is never stopped: other work runs against it). By default it keeps nothing on disk, like the shared
 * one, so a restart comes back empty; with `persist` it comes back with every acknowledged write.
 */
export async function privateRedis(options: PrivateRedisOptions = {}) {
  const port = await freePort();
  // In the run's folder, which the global teardown removes, so a suite that only stops it leaves nothing.
  const dir = options.persist ? mkdtempSync(join(process.env.TEST_RUN_DIR ?? tmpdir(), 'npa-redis-')) : undefined;
  const disk = dir ? ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...disk, ...(options.args ?? [])], { stdio: 'ignore' });
    const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await eventually(() => probe.connect().then(() => probe.ping().then(() => true), () => false), 10_000);
    probe.disconnect();
  };
  /** SIGKILL by default: the server dies as in a crash, with no chance to write anything more. */
  const stop = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill(signal);
    await exited;
    child = undefined;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    running: () => child !== undefined,
    destroy: async () => {
      if (child) await stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PrivateRedis = Awaited<ReturnType<typeof privateRedis>>;
