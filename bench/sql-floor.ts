// The sweep's SQL floor, in a process of its own that loads nothing but `pg` and the bench's process
// helpers, which are Node's built-ins (so its memory is the rows' and the driver's): the SELECTs the
// sweep sent, replayed through a pool of the app's size in the same two phases (facts, then reminders),
// every row fetched and nothing done with it. Best of three.
// Started by sweep.ts with fork(); answers over IPC.
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { systemProfile } from './child';
import { countCpu, type CpuTime } from './cpu-time';

export interface RecordedQuery {
  phase: 'facts' | 'reminders';
  sql: string;
  params: unknown[];
}

async function replay(url: string, queriesFile: string): Promise<{ ms: number; peakMb: number; rows: number; cpu: CpuTime }> {
  const recorded = JSON.parse(readFileSync(queriesFile, 'utf8')) as RecordedQuery[];
  // The app's pool size and session options (SESSION_OPTIONS in libs/database/src/data-source.ts: no JIT).
  const pool = new Pool({ connectionString: url, max: 20, options: '-c jit=off' });
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const phase = async (name: RecordedQuery['phase']) => {
      const results = await Promise.all(recorded.filter((q) => q.phase === name).map((q) => pool.query(q.sql, q.params)));
      return results.reduce((n, r) => n + r.rows.length, 0);
    };
    const runs: { ms: number; rows: number; cpu: CpuTime }[] = [];
    for (let i = 0; i < 3; i++) {
      const profile = await systemProfile(`sweep-floor-${i + 1}`);
      const cpuSince = countCpu();
      const start = process.hrtime.bigint();
      const rows = (await phase('facts')) + (await phase('reminders'));
      runs.push({ ms: Number(process.hrtime.bigint() - start) / 1e6, rows, cpu: cpuSince() });
      await profile.stop();
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
    return { ...best, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
    await pool.end();
  }
}

process.once('message', (input: { url: string; queriesFile: string }) => {
  replay(input.url, input.queriesFile).then(
    (output) => process.send!({ ok: true, output }, () => process.exit(0)),
    (error: Error) => process.send!({ ok: false, error: error.stack ?? String(error) }, () => process.exit(1)),
  );
});
