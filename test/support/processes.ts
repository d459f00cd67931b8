import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './ports';

/** An app's entry point in a process of its own (without the build), its stdout and stderr gathered. */
export function entryProcess(main: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/**
 * The API as its own process, as `npm start` runs it (without the build), on a free port of loopback,
 * logging each request (LOG_LEVEL=info unless `env` says otherwise): resolves once it listens.
 */
export async function spawnApi(env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number; url: string; output: () => string }> {
  const port = await freePort();
  const { child, output } = entryProcess('apps/api/src/main.ts', { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  for (let i = 0; i < 500 && !output().includes('NPA API listening') && child.exitCode === null; i += 1)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (!output().includes('NPA API listening')) {
    child.kill('SIGKILL');
    throw new Error(`the API did not start: ${output()}`);
  }
  return { child, port, url: `http://127.0.0.1:${port}`, output };
}
