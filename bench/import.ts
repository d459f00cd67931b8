// Imports 100,000 people from CSV through ImportsService (the code the API and CLI run) into a database
// of its own, beside the floor: PostgreSQL COPY of the same file into a scratch table shaped like
// people (same defaults, same unique index), through psql, timed from outside (its start is in the floor).
// The import runs compiled in a process of its own, as the CLI and API run dist/ in production (under
// ts-node, Node's domain module patches every EventEmitter, each pg client among them).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { CliModule } from '../apps/cli/src/cli.module';
import { ImportsService } from '@npa/imports';
import { asOwner, benchDatabase, benchEnv, inChild, row, serveChild, withPeakMemory, type Row } from './support';

const peopleCsv = (rows: number) =>
  ['name,email', ...Array.from({ length: rows }, (_, i) => `Person ${i + 1},person-${i + 1}@bench.example.org`)].join('\n') + '\n';

function copyWithPsql(url: string, csv: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', '\\copy copy_floor (name, email) FROM pstdin WITH (FORMAT csv, HEADER true)'], {
    input: csv,
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) throw new Error(`psql COPY failed: ${result.error?.message ?? result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface ImportInput {
  url: string;
  rows: number;
}

/** In a process of its own, compiled: a dry run, then the import, each timed with its peak memory. */
async function measureImport({ url, rows }: ImportInput) {
  process.env.DATABASE_URL = url;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const csv = peopleCsv(rows);
    const imports = app.get(ImportsService);
    const dryRun = await withPeakMemory(() => imports.import('people', csv, { dryRun: true, actor: null, source: 'bench' }));
    const real = await withPeakMemory(() => imports.import('people', csv, { dryRun: false, actor: null, source: 'bench' }));
    if (real.result.created !== rows)
      throw new Error(`expected ${rows} people, the import created ${real.result.created}: ${JSON.stringify(real.result.problems.slice(0, 3))}`);
    return { dryRun: { ms: dryRun.ms }, real: { ms: real.ms, peakMb: real.peakMb } };
  } finally {
    await app.close();
  }
}

serveChild({ measureImport });

export async function importPart(options: { rows: number }): Promise<Row[]> {
  const rows = options.rows;
  benchEnv('import');
  const db = await benchDatabase('import');
  try {
    const csv = peopleCsv(rows);
    const { dryRun, real } = await inChild<ImportInput, Awaited<ReturnType<typeof measureImport>>>(
      __filename,
      'measureImport',
      { url: db.url, rows },
      { compiled: true },
    );

    await asOwner(db.url, `CREATE TABLE copy_floor (LIKE people INCLUDING DEFAULTS INCLUDING INDEXES)`);
    const copyMs = copyWithPsql(db.url, csv);
    const [{ n }] = await asOwner<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM copy_floor`);
    if (n !== rows) throw new Error(`COPY loaded ${n} rows, not ${rows}`);

    const rate = (ms: number) => rows / (ms / 1000);
    console.log(
      `import: ${rows} people, ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV: dry run ${dryRun.ms.toFixed(0)} ms, import ${real.ms.toFixed(0)} ms (peak ${real.peakMb.toFixed(0)} MB), psql \\copy ${copyMs.toFixed(0)} ms`,
    );
    return [
      row({
        part: 'import',
        figure: `CSV import of ${rows.toLocaleString('en-GB')} people, one transaction (rows/s)`,
        unit: 'rows/s',
        value: rate(real.ms),
        floorIs: 'psql \\copy of the same rows',
        floor: rate(copyMs),
        target: '>= 0.5 of floor',
        met: rate(real.ms) >= 0.5 * rate(copyMs),
      }),
      row({
        part: 'import',
        figure: 'CSV dry run, parse and validate (rows/s)',
        unit: 'rows/s',
        value: rate(dryRun.ms),
        floorIs: 'psql \\copy of the same rows',
        floor: rate(copyMs),
        target: null,
        met: null,
      }),
    ];
  } finally {
    await db.drop();
  }
}
