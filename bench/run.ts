// npm run bench [-- <part> ...] [--scale 10] [--scales 1,3,10]
// Parts: sweep, reminders, letters, http, import (all of them when none is named). Every figure is
// printed beside a floor measured in the same run; the table is also written to bench/results/latest.json.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { httpPart } from './http';
import { importPart } from './import';
import { lettersPart } from './letters';
import { remindersPart } from './reminders';
import { AppConfig } from '@npa/platform';
import { arg, machine, removeBenchFolders, type Row } from './support';
import { sweepPart } from './sweep';

const PARTS: Record<string, () => Promise<Row[]>> = {
  sweep: () => sweepPart({ scales: arg('scales', '1,3,10').split(',').map(Number) }),
  reminders: () => remindersPart({ scale: Number(arg('scale', '10')) }),
  letters: () => lettersPart({ letters: Number(arg('letters', '200')), concurrency: Number(arg('concurrency', '4')) }),
  http: () => httpPart({ scale: Number(arg('scale', '10')), seconds: Number(arg('seconds', '5')), paced: arg('paced', 'true') !== 'false' }),
  import: () => importPart({ rows: Number(arg('rows', '100000')) }),
};

const fmt = (n: number) => (!Number.isFinite(n) ? '-' : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-GB') : n.toFixed(2));

export function table(rows: Row[]): string {
  const lines = ['| figure | value | floor | ratio | target |', '|---|---|---|---|---|'];
  for (const r of rows) {
    const target = r.target === null ? '-' : `${r.target}: ${r.met ? 'met' : '**missed**'}`;
    lines.push(`| ${r.figure} | ${fmt(r.value)} | ${fmt(r.floor)} (${r.floorIs}) | ${fmt(r.ratio)} | ${target} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const named = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const unknown = named.filter((p) => !PARTS[p]);
  if (unknown.length) throw new Error(`Unknown part ${unknown.join(', ')}: choose from ${Object.keys(PARTS).join(', ')}`);
  const parts = named.length ? named : Object.keys(PARTS);
  const started = Date.now();
  const before = machine();
  const rows: Row[] = [];
  try {
    for (const part of parts) {
      const partStarted = Date.now();
      console.log(`\n== ${part}`);
      rows.push(...(await PARTS[part]()));
      console.log(`== ${part} done in ${((Date.now() - partStarted) / 1000).toFixed(0)} s`);
    }
  } finally {
    // Never in place of a part's own failure (Redis away is one).
    await dropRedisKeys().catch((error: Error) => console.warn(`bench: the run's Redis keys were not removed: ${error.message}`));
    try {
      removeBenchFolders();
    } catch (error) {
      console.warn(`bench: the run's folders were not all removed: ${(error as Error).message}`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const after = machine();
  console.log(
    `\n${parts.join(', ')} in ${seconds.toFixed(0)} s; ${after.nproc} cores (${after.cpu}), ${after.memoryGb} GB, Node ${after.node}, load average before ${before.loadAverage.join(' ')}, after ${after.loadAverage.join(' ')}\n`,
  );
  console.log(table(rows));
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(
    join(__dirname, 'results', 'latest.json'),
    JSON.stringify(
      { at: new Date().toISOString(), parts, seconds, machine: { ...after, loadAverageBefore: before.loadAverage }, args: process.argv.slice(2), rows },
      null,
      2,
    ),
  );
}

/**
 * The keys the parts' queues left in Redis under this run's prefixes (benchEnv: `npa-bench-<part>-<pid>`,
 * and the reminders' turns after it), removed as the parts drop their databases.
 */
async function dropRedisKeys(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? new AppConfig().REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    for (const match of [`npa-bench-*-${process.pid}:*`, `npa-bench-*-${process.pid}-*`])
      for await (const keys of redis.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>) if (keys.length) await redis.unlink(...keys);
  } finally {
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
