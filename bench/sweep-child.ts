// The sweep's own process (bench/sweep.ts starts it): boots only the modules the sweep needs, warms up,
// sweeps once timed with its peak memory, then the same day again and the next day. It imports nothing
// of the bench but its process helpers, so its memory is the sweep's and the modules'.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { DatabaseModule } from '@npa/database';
import { LetterKindsModule } from '@npa/letters';
import { LETTER_KIND_DECLARATIONS } from '../apps/letter-kinds';
import { ComplianceService, FactsLoader } from '@npa/compliance';
import { PlatformModule, addDays, type IsoDate } from '@npa/platform';
import { ReminderFinder, RemindersModule, SweepService, type SweepSummary } from '@npa/reminders';
import { serveChild, systemProfile, withAllocationSampling, withPeakMemory } from './child';
import { countCpu, type CpuTime } from './cpu-time';
import type { RecordedQuery } from './sql-floor';

// The letter kinds as the worker registers them: the reminders' letters are rendered by kind.
@Module({ imports: [PlatformModule, DatabaseModule, LetterKindsModule.register(LETTER_KIND_DECLARATIONS), RemindersModule] })
class SweepOnlyModule {}

export interface SweepInput {
  url: string;
  asOf: IsoDate;
  queriesFile: string;
}

export interface SweepOutput {
  ms: number;
  againMs: number;
  nextDayMs: number;
  nextDayNew: number;
  peakMb: number;
  bootMb: number;
  summary: SweepSummary;
  queries: number;
  /** CPU spent during the first sweep, here and in PostgreSQL. */
  cpu: CpuTime;
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
      const found = await due(on);
      marks.found = performance.now() - t0;
      return found;
    };
    // The snapshots are stored while the reminders are found and recorded (SweepService.run).
    const compliance = app.get(ComplianceService);
    const snapshotAll = compliance.snapshotAll.bind(compliance);
    compliance.snapshotAll = async (...args: Parameters<typeof snapshotAll>) => {
      const stored = await snapshotAll(...args);
      marks.stored = performance.now() - t0;
      return stored;
    };
    const query = dataSource.query.bind(dataSource);
    // Every read, whether or not in a transaction; no write and no lock.
    dataSource.query = ((sql: string, params?: unknown[], runner?: never) => {
      if (!replaying && /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE)\b|pg_advisory/i.test(sql))
        recorded.push({ phase, sql, params: params ?? [] });
      return query(sql, params, runner);
    }) as typeof dataSource.query;

    const bootMb = process.memoryUsage().rss / 1024 / 1024;
    const profile = await systemProfile('sweep');
    const from = process.hrtime.bigint() / 1000n;
    const cpuSince = countCpu();
    const sweep = await withAllocationSampling('sweep', () => withPeakMemory(() => app.get(SweepService).run(asOf)));
    const cpu = cpuSince();
    await profile.stop();
    // The timed window in the clock of a V8 CPU profile (microseconds), to read only it from BENCH_CPU_PROF's file.
    if (process.env.BENCH_CPU_PROF) console.log(`sweep: timed window in the profile's clock: ${from} to ${process.hrtime.bigint() / 1000n} µs`);
    console.log(
      `sweep: side by side, snapshots evaluated and stored at ${marks.stored?.toFixed(0)} ms; reminders found at ${marks.found?.toFixed(0)} ms, all recorded at ${(performance.now() - t0).toFixed(0)} ms`,
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
      cpu,
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
