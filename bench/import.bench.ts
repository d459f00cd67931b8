// Imports 100,000 people from CSV through ImportsService (the code the API and CLI run) into a database
// of its own, and prints rows per second beside the floor: PostgreSQL COPY of the same file into a
// scratch table shaped like people (same defaults, same unique index). Run:
// node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/import.bench.ts [--rows 100000]
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { CliModule } from '../apps/cli/src/cli.module';
import { ImportsService } from '../libs/registry/src/imports/imports.service';
import { arg, benchDatabase, withPeakMemory } from './support';

const peopleCsv = (rows: number) =>
  ['name,email', ...Array.from({ length: rows }, (_, i) => `Person ${i + 1},person-${i + 1}@bench.example.org`)].join('\n') + '\n';

/** COPY FROM STDIN through psql, timed from outside: the process start (a few ms) is in the figure. */
function copyWithPsql(url: string, csv: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', '\\copy copy_floor (name, email) FROM pstdin WITH (FORMAT csv, HEADER true)'], {
    input: csv,
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) throw new Error(`psql COPY failed: ${result.error?.message ?? result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const rows = Number(arg('rows', '100000'));
  const db = await benchDatabase('import');
  process.env.DATABASE_URL = db.url;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const csv = peopleCsv(rows);
    const imports = app.get(ImportsService);
    const dataSource = app.get(DataSource);

    const dryRun = await withPeakMemory(() => imports.import('people', csv, { dryRun: true, actor: null, source: 'bench' }));
    const real = await withPeakMemory(() => imports.import('people', csv, { dryRun: false, actor: null, source: 'bench' }));
    if (real.result.created !== rows)
      throw new Error(`expected ${rows} people, the import created ${real.result.created}: ${JSON.stringify(real.result.problems.slice(0, 3))}`);

    await dataSource.query(`CREATE TABLE copy_floor (LIKE people INCLUDING DEFAULTS INCLUDING INDEXES)`);
    const copyMs = copyWithPsql(db.url, csv);
    const [{ n }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM copy_floor`);
    if (n !== rows) throw new Error(`COPY loaded ${n} rows, not ${rows}`);

    const perSecond = (ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-GB');
    console.log(`${rows.toLocaleString('en-GB')} people, ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV`);
    console.log('| figure | ms | rows per second | peak RSS (MB) |\n|---|---|---|---|');
    console.log(`| dry run (parse, validate, one lookup) | ${dryRun.ms.toFixed(0)} | ${perSecond(dryRun.ms)} | ${dryRun.peakMb.toFixed(0)} |`);
    console.log(`| import, one transaction | ${real.ms.toFixed(0)} | ${perSecond(real.ms)} | ${real.peakMb.toFixed(0)} |`);
    console.log(`| floor: psql \\copy into a table like people | ${copyMs.toFixed(0)} | ${perSecond(copyMs)} | - |`);
    console.log(`\nimport / COPY: ${(real.ms / copyMs).toFixed(2)}x the floor's time`);
  } finally {
    await app.close();
    await db.drop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
