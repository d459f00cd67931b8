// CPU time spent while a figure is measured, by this process and by PostgreSQL's processes on this
// machine, so a figure beside its floor says whose work the difference is: on 2 cores the sweep and its
// floor are both bound by the CPU of the two together (README, Benchmarks). Linux only (/proc); elsewhere
// PostgreSQL's share reads as null.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTime {
  nodeMs: number;
  postgresMs: number | null;
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux Node supports. */
const TICKS_PER_SECOND = 100;

/** User and system time of every process whose command line starts with `postgres`, in ms; null without /proc. */
function postgresMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'latin1').startsWith('postgres')) continue;
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, and the
      // postmaster's cutime and cstime (14th, 15th) hold backends that ended meanwhile.
      const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Starts counting; the function returned gives the CPU time spent since. */
export function countCpu(): () => CpuTime {
  const node = process.cpuUsage();
  const postgres = postgresMs();
  return () => {
    const used = process.cpuUsage(node);
    const now = postgresMs();
    return { nodeMs: (used.user + used.system) / 1000, postgresMs: now === null || postgres === null ? null : now - postgres };
  };
}

export const describeCpu = (cpu: CpuTime) =>
  `${cpu.nodeMs.toFixed(0)} ms in Node, ${cpu.postgresMs === null ? 'unknown' : `${cpu.postgresMs.toFixed(0)} ms`} in PostgreSQL`;
