// Running parts of a bench in processes of their own, so each one's memory and CPU are its own. Only
// Node's built-ins are imported here: a child that loads this file loads nothing else of the bench.
import { execFileSync, fork, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Session } from 'node:inspector/promises';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const COMPILED = join(ROOT, 'dist', 'bench-build');
let compiled = false;

/** How long a bench server may take to close before it is killed. */
const STOP_WAIT_MS = 10_000;

/**
 * Compiles the bench with the code it measures, as the build compiles the app (tsc, tsc-alias, the
 * assets), once per run: a child started with `compiled: true` runs that JavaScript on plain Node, as
 * production runs dist/. Under ts-node a process holds ~280 MB more before it does anything.
 */
export function compileBench(): void {
  if (compiled) return;
  const started = Date.now();
  execFileSync('npx', ['tsc', '-p', 'tsconfig.bench.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('npx', ['tsc-alias', '-p', 'tsconfig.bench.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('node', ['scripts/copy-assets.js', COMPILED], { cwd: ROOT, stdio: 'inherit' });
  console.log(`bench: compiled to ${relative(ROOT, COMPILED)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  compiled = true;
}

/** How a child runs: the TypeScript through ts-node, or (`compiled`) its compiled copy on plain Node. */
function childEntry(modulePath: string, options: { compiled?: boolean }): { path: string; execArgv: string[] } {
  // BENCH_CPU_PROF=dir: each child writes a V8 CPU profile there (open it in Chrome's DevTools).
  // --expose-gc: a child may collect what its warm-up left before it measures (the sweep does).
  // BENCH_NODE_FLAGS='--trace-gc': more flags for each child's Node (NODE_OPTIONS refuses V8's tracing flags).
  const profile = [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  ];
  if (!options.compiled)
    return { path: modulePath, execArgv: ['--expose-gc', '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', ...profile] };
  compileBench();
  return { path: join(COMPILED, relative(ROOT, modulePath)).replace(/\.ts$/, '.js'), execArgv: ['--expose-gc', ...profile] };
}

/** Samples resident memory while work runs; returns the peak in MB. */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; ms: number }> {
  // memoryUsage.rss(), not memoryUsage(): it reads only the RSS, where memoryUsage() also gathers the
  // heap's statistics, which showed in the timed window's profile every 10 ms.
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const start = process.hrtime.bigint();
  try {
    const result = await work();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMb: peak / 1024 / 1024, ms };
  } finally {
    clearInterval(timer);
  }
}

/**
 * BENCH_HEAP_PROF=dir: every allocation the work makes is sampled (one per 32 kB), kept or collected, and
 * written there as a `.heapprofile` (DevTools' Memory tab opens it). A CPU profile shows garbage
 * collection's time but not whose garbage it is; this says where the bytes were allocated.
 */
export async function withAllocationSampling<T>(label: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_HEAP_PROF;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 32 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  try {
    return await work();
  } finally {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const file = join(dir, `${label}.${process.pid}.heapprofile`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    console.log(`bench: allocations sampled in ${file}`);
    session.disconnect();
  }
}

/**
 * BENCH_PERF=dir: Linux's `perf` records every process on the machine (the CPU clock, with call graphs)
 * from here until `stop`, into `<label>.<pid>.perf.data` there (`perf report -i <file> --sort comm,sym`).
 * A V8 CPU profile samples the main thread by the clock, whether it runs or waits for a core, and sees
 * no other process; this counts the CPU each process and thread spent: PostgreSQL's backends, V8's
 * compiler and collector threads, libuv's. BENCH_NODE_FLAGS='--perf-basic-prof-only-functions' names
 * the JavaScript functions too. For finding where time goes, not for figures: perf takes CPU of its own.
 */
export async function systemProfile(label: string): Promise<{ stop: () => Promise<void> }> {
  const dir = process.env.BENCH_PERF;
  if (!dir) return { stop: async () => undefined };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${label}.${process.pid}.perf.data`);
  const perf = spawn('perf', ['record', '-e', 'cpu-clock', '-F', '1000', '-a', '-g', '-o', file], { stdio: 'ignore' });
  // Listened for from the start: perf may end, or never start, before it is told to stop.
  let ended = false;
  const exited = new Promise<void>((resolve, reject) => {
    perf.once('exit', () => resolve());
    perf.once('error', (error) => reject(new Error(`BENCH_PERF: perf did not start (${error.message})`)));
  }).finally(() => (ended = true));
  exited.catch(() => undefined);
  // A child that fails exits at once: perf, left running, would record until the disk is full.
  const stopOnExit = () => perf.kill('SIGINT');
  process.once('exit', stopOnExit);
  // perf makes its file as it starts, then starts counting: wait for the file, then a moment more.
  for (let waited = 0; !existsSync(file); waited += 20) {
    if (ended) await exited; // a perf that could not be started rejects with why
    if (ended || waited > 5000) throw new Error('BENCH_PERF: perf did not start recording');
    await sleep(20);
  }
  await sleep(200);
  return {
    stop: async () => {
      process.off('exit', stopOnExit);
      perf.kill('SIGINT');
      await exited;
      console.log(`bench: the machine's CPU recorded in ${file}`);
    },
  };
}

/**
 * Runs one exported function of a bench module in a fresh Node process (so its memory is its own),
 * passing `input` and resolving with what it returns. The module must call `serveChild` at load.
 * `compiled`: run its compiled copy on plain Node (see compileBench).
 */
export function inChild<I, O>(modulePath: string, task: string, input: I, options: { compiled?: boolean } = {}): Promise<O> {
  const { path, execArgv } = childEntry(modulePath, options);
  return new Promise((resolve, reject) => {
    const child = fork(path, ['--bench-child', task], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: process.env,
    });
    let answer: { ok: true; output: O } | { ok: false; error: string } | undefined;
    child.once('message', (message) => (answer = message as typeof answer));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (answer?.ok) resolve(answer.output);
      else reject(new Error(`${task} in a child process failed (exit ${code}): ${answer && !answer.ok ? answer.error : 'no answer'}`));
    });
    child.send(input as object);
  });
}

/**
 * Starts a server of a bench module in a fresh Node process (the module calls `serveServer` at load) and
 * resolves with its address once it listens; `stop` closes it and waits for the process to end.
 * `compiled`: run its compiled copy on plain Node (see compileBench).
 */
export function startServer<I>(
  modulePath: string,
  task: string,
  input: I,
  options: { compiled?: boolean; env?: NodeJS.ProcessEnv; stdout?: string } = {},
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const { path, execArgv } = childEntry(modulePath, options);
  // `stdout`: the server's standard output goes to that file, as a production server's goes to its log collector.
  const out = options.stdout ? openSync(options.stdout, 'a') : 'inherit';
  return new Promise((resolve, reject) => {
    const child = fork(path, ['--bench-server', task], {
      execArgv,
      stdio: ['ignore', out, 'inherit', 'ipc'],
      env: { ...process.env, ...options.env },
    });
    if (typeof out === 'number') closeSync(out);
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('error', reject);
    child.once('message', (message: { url?: string; error?: string }) => {
      if (!message.url) return reject(new Error(`${task} server failed: ${message.error}`));
      resolve({
        url: message.url,
        pid: child.pid!,
        stop: async () => {
          child.send('stop');
          // A server left holding connections a load step overran (the kernel's SYN cookies can leave
          // some open with nobody at the other end) would keep the run waiting: it gets ten seconds.
          const timer = setTimeout(() => {
            console.log(`${task} server: still closing after ${STOP_WAIT_MS / 1000} s; killed`);
            child.kill('SIGKILL');
          }, STOP_WAIT_MS);
          await exited;
          clearTimeout(timer);
        },
      });
    });
    void exited.then(() => reject(new Error(`${task} server exited before it listened`)));
    child.send(input as object);
  });
}

/** In a process started by `startServer`: builds the named server, listens on loopback, closes and exits on 'stop'. */
export function serveServer(servers: Record<string, (input: never) => Promise<{ listen(o: object): Promise<string>; close(): Promise<unknown> }>>): void {
  const i = process.argv.indexOf('--bench-server');
  if (i < 0) return;
  process.once('message', (input) => {
    servers[process.argv[i + 1]](input as never)
      .then(async (server) => {
        const url = await server.listen({ port: 0, host: '127.0.0.1' });
        process.on('message', (m) => m === 'stop' && void server.close().then(() => process.exit(0)));
        process.send!({ url });
      })
      .catch((error: Error) => process.send!({ error: error.stack ?? String(error) }, () => process.exit(1)));
  });
}

/** In a process started by `inChild`: runs the named task on the input sent, answers, and exits. */
export function serveChild(tasks: Record<string, (input: never) => Promise<unknown>>): void {
  const i = process.argv.indexOf('--bench-child');
  if (i < 0) return;
  const task = tasks[process.argv[i + 1]];
  process.once('message', (input) => {
    task(input as never).then(
      (output) => process.send!({ ok: true, output }, () => process.exit(0)),
      (error: Error) => process.send!({ ok: false, error: error.stack ?? String(error) }, () => process.exit(1)),
    );
  });
}
