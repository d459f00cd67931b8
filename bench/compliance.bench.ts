// Builds a register at a chosen scale (default 10x the NPA today), evaluates every service and
// setting as the daily sweep does, and prints the time and peak memory beside the floor: the same
// facts loaded by the same SQL with no rule run. Run: npm run bench:compliance -- --scale 10
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { CliModule } from '../apps/cli/src/cli.module';
import { ComplianceService } from '../libs/compliance/src/compliance.service';
import { FactsLoader } from '../libs/compliance/src/facts.loader';
import { RuleParametersService } from '../libs/compliance/src/rule-parameters.service';
import { evaluateService, evaluateSetting, serviceStatus } from '../libs/compliance/src/rules/evaluate';
import { todayIn } from '../libs/platform/src/dates';
import { generateRegister } from '../libs/registry/src/demo/register-generator';
import { arg, benchDatabase, withPeakMemory } from './support';

async function main(): Promise<void> {
  const scale = Number(arg('scale', '10'));
  const db = await benchDatabase('compliance');
  process.env.DATABASE_URL = db.url;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const today = todayIn('Europe/London', new Date());
    const built = await withPeakMemory(() => generateRegister(app.get(DataSource), { scale, seed: 42, today }));
    await app.get(DataSource).query('VACUUM ANALYZE');
    console.log(`register at scale ${scale}: ${JSON.stringify(built.result)} in ${(built.ms / 1000).toFixed(1)} s`);

    const loader = app.get(FactsLoader);
    const { params } = await app.get(RuleParametersService).current();
    // Warm the pool and PostgreSQL's cache once, so neither figure pays for the first touch.
    await loader.services(null, today);
    await loader.settings(null, today);

    const floor = await withPeakMemory(async () => {
      await loader.services(null, today);
      await loader.settings(null, today);
    });
    const evaluation = await withPeakMemory(async () => {
      const [services, settings] = await Promise.all([loader.services(null, today), loader.settings(null, today)]);
      let nonCompliant = 0;
      for (const facts of services.values()) if (serviceStatus(evaluateService(facts, params, today)) === 'non_compliant') nonCompliant++;
      for (const facts of settings.values()) evaluateSetting(facts, params, today);
      return { services: services.size, settings: settings.size, nonCompliant };
    });
    const sweep = await withPeakMemory(() => app.get(ComplianceService).snapshotAll(today));

    const rows = [
      { figure: 'evaluate every service and setting (ms)', value: evaluation.ms, floor: floor.ms },
      { figure: 'snapshot sweep, first run, stores all (ms)', value: sweep.ms, floor: floor.ms },
      { figure: 'peak RSS during evaluation (MB)', value: evaluation.peakMb, floor: floor.peakMb },
    ];
    console.log(`\n${evaluation.result.services} services (${evaluation.result.nonCompliant} non-compliant), ${evaluation.result.settings} settings`);
    console.log('| figure | value | floor (same facts, bare SQL load) | ratio |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.figure} | ${r.value.toFixed(0)} | ${r.floor.toFixed(0)} | ${(r.value / r.floor).toFixed(2)} |`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/compliance.json', JSON.stringify({ scale, register: built.result, rows, at: new Date().toISOString() }, null, 2));
  } finally {
    await app.close();
    await db.drop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
