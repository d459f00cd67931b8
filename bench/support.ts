import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CliModule } from '../apps/cli/src/cli.module';
import { migrate } from '@npa/database';
import { generateApprovals } from '@npa/approval';
import { todayIn, type IsoDate, generateDemoUsers, Storage } from '@npa/platform';
import { generateRegister } from '@npa/registry';

/** One line of the table: a figure beside its floor measured in the same run. */
export interface Row {
  part: string;
  figure: string;
  unit: string;
  value: number;
  /** What the floor is, in a few words; null when the figure has no floor (e.g. a growth ratio). */
  floorIs: string;
  floor: number;
  /** Always value / floor. */
  ratio: number;
  /** The target for this figure, in words, and whether this run met it; null when none. */
  target: string | null;
  met: boolean | null;
}

export const row = (r: Omit<Row, 'ratio'>): Row => ({ ...r, ratio: r.floor ? r.value / r.floor : NaN });

/** The best of several runs of the same thing (a floor and its figure take turns): the highest `score`, or the lowest. */
export const bestRun = <T>(runs: T[], score: (run: T) => number, keep: 'highest' | 'lowest'): T =>
  runs.reduce((a, b) => ((keep === 'highest' ? score(a) >= score(b) : score(a) <= score(b)) ? a : b));

/** The folders the run's parts were given (benchEnv), removed when the run ends (removeBenchFolders). */
const folders: string[] = [];

/** Each part's own variables: a Redis key prefix and folders of its own, quiet logs. Set before a Nest app boots. */
export function benchEnv(label: string): void {
  const dir = mkdtempSync(join(tmpdir(), `npa-bench-${label}-`));
  folders.push(dir);
  Object.assign(process.env, {
    NODE_ENV: 'production',
    REDIS_PREFIX: `npa-bench-${label}-${process.pid}`,
    VAR_DIR: dir,
    OUTBOX_DIR: join(dir, 'outbox'),
    STORAGE_DIR: join(dir, 'storage'),
    // Production refuses made-up secrets (config/secrets.ts): random ones for each run, as an operator would set.
    JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(36).toString('base64url'),
    TOTP_KEY: process.env.TOTP_KEY ?? randomBytes(36).toString('base64url'),
    LOG_LEVEL: 'warn',
  });
}

/**
 * Removes the folders the run's parts wrote (the register's evidence files, the letters, the sweep's
 * recorded queries): a full run left ~250 MB in the system's temporary folder. Once, when the run ends,
 * not after each part: on a file system without a journal (this machine's ext4), a file made within a
 * minute of deleted ones skips them one by one, so a part's deletes would slow the next part's letters
 * (README, Benchmarks).
 */
export function removeBenchFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A database of the bench's own, named so nothing else mistakes it for theirs; dropped at the end. */
export interface BenchDatabase {
  url: string;
  drop: () => Promise<void>;
}

const adminUrl = () => new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

/** The address of the bench database named by `label`, on the same server as the admin's. */
function benchUrl(label: string): { url: string; name: string } {
  const name = `npa_bench_${label}_${process.pid}`.replace(/[^a-z0-9_]/g, '_');
  const url = adminUrl();
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

async function asAdmin(sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl().toString() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function benchDatabase(label: string): Promise<BenchDatabase> {
  const { url, name } = benchUrl(label);
  await migrate(url);
  return { url, drop: () => asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * A copy of a bench database as it stands (its rows, indexes and statistics, file by file), so work that
 * writes can run again from the same start. Nothing may be connected to `db` meanwhile.
 */
export async function copyOf(db: BenchDatabase, label: string): Promise<BenchDatabase> {
  const { url, name } = benchUrl(label);
  await asAdmin(`CREATE DATABASE "${name}" TEMPLATE "${new URL(db.url).pathname.slice(1)}" STRATEGY = FILE_COPY`);
  return { url, drop: () => asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** A statement only the schema's owner may run (VACUUM, a scratch table): the app's role may not. */
export async function asOwner<T = unknown>(url: string, sql: string): Promise<T[]> {
  const owner = new Client({ connectionString: url });
  await owner.connect();
  try {
    return (await owner.query(sql)).rows as T[];
  } finally {
    await owner.end();
  }
}

export interface BuiltRegister {
  today: IsoDate;
  scale: number;
  services: number;
  settings: number;
  teamMembers: number;
  settingStaff: number;
  supervisionSessions: number;
  completions: number;
  awards: number;
  openApplications: number;
  users: number;
  serviceIds: string[];
  settingIds: string[];
  seconds: number;
}

/**
 * Fills the database at `url` with a register at a scale, reproducibly from the seed: the register,
 * its Stamp of Approval history, and a sign-in for every service manager and setting contact (so the
 * reminders have somebody to go to). Then VACUUM ANALYZE, as a database a day old would be.
 */
export async function buildRegister(url: string, options: { scale: number; seed?: number; today?: IsoDate }): Promise<BuiltRegister> {
  const seed = options.seed ?? 42;
  const today = options.today ?? todayIn('Europe/London', new Date());
  const started = Date.now();
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const dataSource = app.get(DataSource);
    const register = await generateRegister(dataSource, { scale: options.scale, seed, today });
    const approvals = await generateApprovals(dataSource, { seed, today, settingIds: register.settingIds, storage: app.get(Storage) });
    const users = await generateDemoUsers(dataSource, { serviceIds: register.serviceIds, settingIds: register.settingIds, tag: `bench${seed}` });
    await asOwner(url, 'VACUUM ANALYZE');
    return {
      today,
      scale: options.scale,
      services: register.services,
      settings: register.settings,
      teamMembers: register.teamMembers,
      settingStaff: register.settingStaff,
      supervisionSessions: register.supervisionSessions,
      completions: register.completions,
      awards: approvals.awards,
      openApplications: approvals.openApplications,
      users: users.count,
      serviceIds: register.serviceIds,
      settingIds: register.settingIds,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await app.close();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

export const describeRegister = (r: BuiltRegister) =>
  `scale ${r.scale}: ${r.services} services, ${r.teamMembers} team members, ${r.settings} settings, ${r.settingStaff} staff, ` +
  `${r.supervisionSessions} supervision sessions, ${r.completions} completions, ${r.awards} awards, ${r.openApplications} open applications, ` +
  `${r.users} users (built in ${r.seconds.toFixed(1)} s)`;

/** Times `count` calls of `work`, `concurrency` at a time; returns calls per second. */
export async function perSecond(count: number, concurrency: number, work: (i: number) => unknown): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

export const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};

export function machine() {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

export { inChild, serveChild, startServer, serveServer, systemProfile, withAllocationSampling, withPeakMemory } from './child';
