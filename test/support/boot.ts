import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ChildProcess } from 'node:child_process';
import { createApp } from '../../apps/api/src/create-app';
import { WorkerModule } from '@npa/worker';
import { entryProcess } from './processes';

/** Runs `build` with some variables changed, then puts them back (config is read at boot). */
async function withEnv<T>(overrides: Record<string, string>, build: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(overrides).map((k) => [k, process.env[k]]));
  Object.assign(process.env, overrides);
  try {
    return await build();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** The real HTTP app, as main.ts builds it, ready for supertest. */
export async function bootApi(env: Record<string, string> = {}): Promise<NestFastifyApplication> {
  return withEnv(env, async () => {
    const app = await createApp({ logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  });
}

/** The real worker in this process: the same module main.ts boots. */
export async function bootWorker(env: Record<string, string> = {}): Promise<INestApplicationContext> {
  return withEnv(env, async () => {
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await app.init();
    return app;
  });
}

/** The worker as its own process, as `npm run start:worker` runs it (without the build). */
export function workerProcess(env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  return entryProcess('apps/worker/src/main.ts', { ...process.env, ...env, LOG_LEVEL: 'info' });
}

/** The worker as its own process (for signals): resolves once it says it has started. */
export function spawnWorker(env: Record<string, string> = {}): Promise<{ child: ChildProcess; output: () => string }> {
  const { child, output } = workerProcess(env);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output()}`)), 60_000);
    child.stdout?.on('data', () => {
      if (output().includes('NPA worker started')) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}: ${output()}`));
    });
  });
}

export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
