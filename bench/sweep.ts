// The daily sweep (SweepService.run: evaluate every service and setting, record what changed, find and
// record every due reminder) at several scales. Each scale gets a database of its own; the sweep then
// runs in a fresh process that only boots the modules it needs and sweeps, so its peak memory is the
// sweep's and not the generator's. The floor, in another fresh process: the same SELECTs the sweep
// sent, replayed with `pg` alone (sql-floor.ts) in the same two phases, rows fetched and nothing done.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DatabaseModule } from '@npa/database';
import { LetterKindsModule } from '@npa/letters';
import { LETTER_KIND_DECLARATIONS } from '../apps/letter-kinds';
import { FactsLoader } from '@npa/compliance';
import { PlatformModule, addDays, type IsoDate } from '@npa/platform';
import { ReminderFinder, RemindersModule, SweepService, type SweepSummary } from '@npa/reminders';
import type { RecordedQuery } from './sql-floor';
import { benchDatabase, benchEnv, buildRegister, describeRegister, inChild, row, serveChild, withPeakMemory, type Row } from './support';

// The letter kinds as the worker registers them: the reminders' letters are rendered by kind.
@Module({ imports: [PlatformModule, DatabaseModule, LetterKindsModule.register(LETTER_KIND_DECLARATIONS), RemindersModule] })
class SweepOnlyModule {}

interface SweepInput {
  url: string;
  asOf: IsoDate;
  queriesFile: string;
}

interface SweepOutput {
  ms: number;
  againMs: number;
  nextDayMs: number;
  nextDayNew: number;
  peakMb: number;
  bootMb: number;
  summary: SweepSummary;
  queries: number;
}

/** In a fresh process: boot, warm up with the sweep's reads (no writes), then one timed sweep. */
async function sweepOnce({ url, asOf, queriesFile }: SweepInput): Promise<SweepOutput> {
  process.env.DATABASE_URL = url;
  const app = await NestFactory.createApplicationContext(SweepOnlyModule, { logger: ['error'] });
  try {
    const dataSource = app.get(DataSource);
    const loader = app.get(FactsLoader);
    const finder = app.get(ReminderFinder);
    // Warm PostgreSQL's cache, the pool and the JIT once, so neither figure pays for the first touch.
    await Promise.all([loader.services(null, asOf), loader.settings(null, asOf)]);
    await finder.due(asOf);
    (global as { gc?: () => void }).gc?.();

    const recorded: RecordedQuery[] = [];
    let replaying = false;
    let phase: RecordedQuery['phase'] = 'facts';
    const due = finder.due.bind(finder);
    const marks: Record<string, number> = {};
    const t0 = performance.now();
    finder.due = async (on: IsoDate) => {
      phase = 'reminders';
      marks.evaluated = performance.now() - t0;
      const found = await due(on);
      marks.found = performance.now() - t0;
      return found;
    };
    const query = dataSource.query.bind(dataSource);
    // Every read, whether or not in a transaction; no write and no lock.
    dataSource.query = ((sql: string, params?: unknown[], runner?: never) => {
      if (!replaying && /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE)\b|pg_advisory/i.test(sql))
        recorded.push({ phase, sql, params: params ?? [] });
      return query(sql, params, runner);
    }) as typeof dataSource.query;

    const bootMb = process.memoryUsage().rss / 1024 / 1024;
    const sweep = await withPeakMemory(() => app.get(SweepService).run(asOf));
    console.log(
      `sweep: evaluated and snapshots stored at ${marks.evaluated?.toFixed(0)} ms, reminders found at ${marks.found?.toFixed(0)} ms, recorded at ${(performance.now() - t0).toFixed(0)} ms`,
    );
    replaying = true;
    // The same day again: every subject evaluated and every reminder found, nothing new to store.
    const again = await withPeakMemory(() => app.get(SweepService).run(asOf));
    // The next day, as the daily sweep usually runs: yesterday's snapshots and reminders are there, and
    // only what changed overnight is stored. For information; the target stays on the first run above.
    const nextDay = await withPeakMemory(() => app.get(SweepService).run(addDays(asOf, 1)));
    writeFileSync(queriesFile, JSON.stringify(recorded));
    return {
      ms: sweep.ms,
      againMs: again.ms,
      nextDayMs: nextDay.ms,
      nextDayNew: nextDay.result.remindersNew,
      peakMb: sweep.peakMb,
      bootMb,
      summary: sweep.result,
      queries: recorded.length,
    };
  } finally {
    await app.close();
  }
}

serveChild({ sweepOnce });

export async function sweepPart(options: { scales: number[] }): Promise<Row[]> {
  const rows: Row[] = [];
  const times: { scale: number; ms: number; floorMs: number }[] = [];
  for (const scale of options.scales) {
    benchEnv(`sweep${scale}`);
    const db = await benchDatabase(`sweep_${String(scale).replace('.', '_')}`);
    try {
      const register = await buildRegister(db.url, { scale });
      console.log(`sweep: ${describeRegister(register)}`);
      const input: SweepInput = { url: db.url, asOf: register.today, queriesFile: join(tmpdir(), `npa-bench-sweep-${process.pid}-${scale}.json`) };
      const sweep = await inChild<SweepInput, SweepOutput>(__filename, 'sweepOnce', input);
      const floor = await inChild<SweepInput, { ms: number; peakMb: number; rows: number }>(join(__dirname, 'sql-floor.ts'), 'replay', input);
      const s = sweep.summary;
      console.log(
        `sweep: scale ${scale}: ${s.services} services (${s.nonCompliant} non-compliant), ${s.settings} settings, ${s.remindersDue} reminders due, ${s.remindersNew} recorded; ` +
          `${sweep.queries} SELECTs (${floor.rows} rows) in the floor; ${sweep.ms.toFixed(0)} ms (again: ${sweep.againMs.toFixed(0)} ms; next day: ${sweep.nextDayMs.toFixed(0)} ms, ${sweep.nextDayNew} new reminders), peak ${sweep.peakMb.toFixed(0)} MB (booted: ${sweep.bootMb.toFixed(0)} MB)`,
      );
      const atTarget = scale === 10;
      rows.push(
        row({
          part: 'sweep',
          figure: `sweep at scale ${scale}, first run of the day (ms)`,
          unit: 'ms',
          value: sweep.ms,
          floorIs: 'the same SELECTs, bare pg',
          floor: floor.ms,
          target: atTarget ? '<= 2x floor' : null,
          met: atTarget ? sweep.ms <= 2 * floor.ms : null,
        }),
        row({
          part: 'sweep',
          figure: `sweep at scale ${scale} run again the same day, nothing new to store (ms)`,
          unit: 'ms',
          value: sweep.againMs,
          floorIs: 'the same SELECTs, bare pg',
          floor: floor.ms,
          target: null,
          met: null,
        }),
        row({
          part: 'sweep',
          figure: `sweep at scale ${scale} the next day, storing only what changed overnight (ms)`,
          unit: 'ms',
          value: sweep.nextDayMs,
          floorIs: 'the same SELECTs, bare pg',
          floor: floor.ms,
          target: null,
          met: null,
        }),
        row({
          part: 'sweep',
          figure: `peak RSS of the process during the first sweep at scale ${scale} (MB)`,
          unit: 'MB',
          value: sweep.peakMb,
          floorIs: 'peak RSS of the bare pg process',
          floor: floor.peakMb,
          target: atTarget ? '< 512 MB' : null,
          met: atTarget ? sweep.peakMb < 512 : null,
        }),
      );
      times.push({ scale, ms: sweep.ms, floorMs: floor.ms });
    } finally {
      await db.drop();
    }
  }
  const first = times[0];
  const last = times[times.length - 1];
  if (times.length > 1) {
    // Time per unit of scale at the largest scale over the same at the smallest: 1 is linear, above 1 worse.
    const growth = last.ms / last.scale / (first.ms / first.scale);
    const floorGrowth = last.floorMs / last.scale / (first.floorMs / first.scale);
    rows.push(
      row({
        part: 'sweep',
        figure: `sweep time per unit of scale, ${last.scale} over ${first.scale} (1 = linear)`,
        unit: 'x',
        value: growth,
        floorIs: 'the same for the SQL floor',
        floor: floorGrowth,
        target: '<= 1 (no worse than linear)',
        met: growth <= 1,
      }),
    );
    console.log(`sweep: time by scale: ${times.map((t) => `${t.scale}: ${t.ms.toFixed(0)} ms (floor ${t.floorMs.toFixed(0)} ms)`).join(', ')}`);
  }
  return rows;
}
