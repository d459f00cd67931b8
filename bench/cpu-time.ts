// CPU time spent while a figure is measured, by this process and by others on this machine (PostgreSQL's,
// the SMTP sink, Redis), so a figure beside its floor says whose work the difference is: on 2 cores the
// sweep and its floor are both bound by the CPU of the two together (README, Benchmarks). Linux only
// (/proc); elsewhere the other processes' shares read as null.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTime {
  nodeMs: number;
  postgresMs: number | null;
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux Node supports. */
const TICKS_PER_SECOND = 100;

/**
 * Which processes a count takes in: by pid, or by the program they run (`postgres`, `redis-server`: a
 * command line starting so, as a backend's title does, or a program of that name, as the postmaster's path is);
 * or the threads of one process whose name starts so (see threadsOf).
 */
export type Processes = { pid: number } | { command: string } | { pid: number; threads: string };

/**
 * A Node process's own time by thread: its main thread (`MainThread`), V8's (`V8Worker`: garbage
 * collection and compiling beside it) and libuv's (`libuv-worker`: file work). On 2 cores V8's threads
 * take from the same two as PostgreSQL.
 */
export const threadsOf = <P extends string>(process: P, pid: number) =>
  ({
    [`${process}: main thread`]: { pid, threads: 'MainThread' },
    [`${process}: V8's threads`]: { pid, threads: 'V8Worker' },
    [`${process}: libuv's threads`]: { pid, threads: 'libuv-worker' },
  }) as Record<`${P}: ${string}`, Processes>;

/**
 * User and system time of the processes, in ms; null without /proc. A process's children that ended
 * meanwhile count too (cutime, cstime): PostgreSQL's postmaster holds its backends that ended.
 */
export function processesMs(which: Processes): number | null {
  if ('threads' in which) return threadsMs(which.pid, which.threads);
  let pids: string[];
  try {
    pids = 'pid' in which ? [String(which.pid)] : readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of pids) {
    try {
      if ('command' in which && !runs(readFileSync(`/proc/${pid}/cmdline`, 'latin1'), which.command)) continue;
      ticks += readStat(`/proc/${pid}/stat`, true).ticks;
    } catch {
      // The process ended between the listing and the read.
      if ('pid' in which) return null;
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * A backend's title starts with `postgres:`; the postmaster runs as `/usr/lib/postgresql/<v>/bin/postgres`.
 * Missing the postmaster lost the time of every backend that ended within a count (it is the
 * postmaster's then): a pool closing an idle connection made PostgreSQL's share negative (session 40).
 */
function runs(cmdline: string, command: string): boolean {
  const program = cmdline.split('\0')[0];
  return program.startsWith(command) || program.endsWith(`/${command}`);
}

/** User and system time of a process's threads whose name starts with `name`, in ms; null without /proc. */
function threadsMs(pid: number, name: string): number | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  let ticks = 0;
  for (const tid of tids) {
    try {
      const stat = readStat(`/proc/${pid}/task/${tid}/stat`, false);
      if (stat.name.startsWith(name)) ticks += stat.ticks;
    } catch {
      // The thread ended between the listing and the read: its time is the process's now, not a thread's.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * A process's or thread's name and clock ticks from its `stat`: user and system time, and with
 * `children` those of its children that ended (cutime, cstime). The name is read up to the last
 * parenthesis, as it may hold one; the fields after it start at the state, so utime is the 12th.
 */
function readStat(path: string, children: boolean): { name: string; ticks: number } {
  const stat = readFileSync(path, 'latin1');
  const end = stat.lastIndexOf(')');
  const fields = stat.slice(end + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
  return { name: stat.slice(stat.indexOf('(') + 1, end), ticks };
}

/** PostgreSQL's processes: the postmaster and every backend. */
export const POSTGRES: Processes = { command: 'postgres' };

/** Starts counting other processes; the function returned gives each one's CPU time since (null: not readable). */
export function countCpuOf<K extends string>(all: Record<K, Processes>): () => Record<K, number | null> {
  const entries = Object.entries(all) as [K, Processes][];
  const before = entries.map(([, which]) => processesMs(which));
  return () =>
    Object.fromEntries(
      entries.map(([name, which], i) => {
        const now = processesMs(which);
        const then = before[i];
        return [name, now === null || then === null ? null : now - then];
      }),
    ) as Record<K, number | null>;
}

/** Starts counting; the function returned gives the CPU time spent since. */
export function countCpu(): () => CpuTime {
  const node = process.cpuUsage();
  const others = countCpuOf({ postgres: POSTGRES });
  return () => {
    const used = process.cpuUsage(node);
    return { nodeMs: (used.user + used.system) / 1000, postgresMs: others().postgres };
  };
}

export const describeCpu = (cpu: CpuTime) =>
  `${cpu.nodeMs.toFixed(0)} ms in Node, ${cpu.postgresMs === null ? 'unknown' : `${cpu.postgresMs.toFixed(0)} ms`} in PostgreSQL`;

/** The machine's CPU time so far from /proc/stat's first line, in clock ticks: busy (not idle or waiting on I/O), and stolen by the host. */
function machineTicks(): { busy: number; steal: number } | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'latin1').split('\n', 1)[0].trim().split(/\s+/);
    const [user, nice, system, _idle, _iowait, irq, softirq, steal] = fields.map(Number);
    return { busy: user + nice + system + irq + softirq, steal };
  } catch {
    return null;
  }
}

/**
 * Samples the whole machine every `everyMs` until stopped: how many cores were busy in each interval,
 * and how many the host took (steal). Beside a timeline of a pipeline's stages it shows when the cores
 * wait and when they are full. Empty without /proc.
 */
export function machineBusy(everyMs: number): { stop: () => { busy: number; stolen: number }[] } {
  const sample = () => ({ at: performance.now(), ticks: machineTicks() });
  const samples = [sample()];
  const timer = setInterval(() => samples.push(sample()), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(sample());
      return samples.slice(1).flatMap(({ at, ticks }, i) => {
        const before = samples[i];
        if (!ticks || !before.ticks) return [];
        const seconds = (at - before.at) / 1000;
        const cores = (from: number, to: number) => (to - from) / TICKS_PER_SECOND / seconds;
        return [{ busy: cores(before.ticks.busy, ticks.busy), stolen: cores(before.ticks.steal, ticks.steal) }];
      });
    },
  };
}
