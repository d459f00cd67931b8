import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { eventually } from './boot';
import { freePort } from './ports';

/**
 * A Redis server of the test's own on a free port, to stop and start again (the machine's shared Redis
 * is never stopped: other work runs against it). It keeps nothing on disk, like the shared one.
 */
export async function privateRedis() {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await eventually(() => probe.connect().then(() => probe.ping().then(() => true), () => false), 10_000);
    probe.disconnect();
  };
  const stop = async () => {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill('SIGKILL');
    await exited;
    child = undefined;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, running: () => child !== undefined };
}
