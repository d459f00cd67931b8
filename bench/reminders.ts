// The reminder pipeline end to end: the real worker (apps/worker WorkerModule) sends through an SMTP
// server in a process of its own (bench/smtp-sink.ts); the sweep runs, and the clock stops when every reminder it recorded has been
// sent (or suppressed, or failed) and every email accepted. Beside it, floors from the same run: BullMQ's
// own throughput for no-op jobs on the same Redis; bare nodemailer sending as many messages of the same
// size (a reminder is an email with a text and an HTML part, no PDF) to the same server, as many at once
// as the mail worker, a connection per message; and the true floor, nodemailer with a pool of as many
// connections as the app's mail worker uses (MAIL_CONCURRENCY), in a process of its own. The pipeline and
// that floor take turns (TURNS).
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '@npa/platform';
import { WorkerModule } from '@npa/worker';
import { SweepService } from '@npa/reminders';
import { countCpuOf, machineBusy, POSTGRES, threadsOf, type Processes } from './cpu-time';
import { startSmtpSink, stepsBetween, type SmtpSink } from './smtp-sink';
import {
  benchDatabase,
  benchEnv,
  bestRun,
  buildRegister,
  copyOf,
  describeRegister,
  inChild,
  perSecond,
  row,
  serveChild,
  systemProfile,
  withAllocationSampling,
  type Row,
} from './support';

const STATES = `SELECT CASE WHEN r.state <> 'pending' THEN r.state WHEN d.state IN ('sent', 'failed', 'unknown', 'suppressed') THEN d.state ELSE 'pending' END AS state, count(*)::int AS n
                  FROM reminders r LEFT JOIN mail_deliveries d ON d.letter_id = r.letter_id GROUP BY 1`;
/**
 * Polled every 100 ms while the pipeline runs, so it must cost PostgreSQL next to nothing: STATES joins
 * every reminder to its delivery (~5 ms a time, a twentieth of a core taken from what it measures). An
 * email still owed is found through the deliveries' state index; only when none is does STATES say
 * whether anything else (a letter not yet composed) is still pending.
 */
const OWED = `SELECT EXISTS (SELECT 1 FROM mail_deliveries WHERE state IN ('pending', 'sending')) AS owed`;

/** The processes besides the worker (or the floor) and the SMTP sink whose CPU a run counts. */
const OTHERS = { postgres: POSTGRES, redis: { command: 'redis-server' } } satisfies Record<string, Processes>;

type Cpu = Record<string, number | null>;

/** CPU time per email (ms) of each process counted, so the figure beside its floor says whose work the difference is. */
const perEmail = (cpu: Cpu, emails: number) =>
  Object.entries(cpu)
    .map(([name, ms]) => `${name} ${ms === null ? '?' : (ms / Math.max(emails, 1)).toFixed(2)}`)
    .join(', ');

/** How long the booted worker is left to settle before the sweep starts. */
const SETTLE_MS = 5000;

interface PipelineInput {
  url: string;
  smtpUrl: string;
  smtpPid: number;
  /** A Redis key prefix of the run's own: each turn's worker starts with empty queues. */
  redisPrefix: string;
  today: string;
  limitSeconds: number;
}

/**
 * In a process of its own, compiled on plain Node as production runs dist/ (under ts-node the process
 * also loaded Node's domain module, which patches every EventEmitter): boots the worker, runs the
 * sweep, and waits (bounded) until no reminder is pending any more.
 */
async function pipeline({ url, smtpUrl, smtpPid, redisPrefix, today, limitSeconds }: PipelineInput) {
  process.env.DATABASE_URL = url;
  process.env.SMTP_URL = smtpUrl;
  process.env.REDIS_PREFIX = redisPrefix;
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  try {
    await worker.init();
    // The daily sweep runs in a worker that has long been up: let the boot settle first (Chromium, started
    // with the worker for letters the NPA signs, keeps a core busy for a few seconds after it answers).
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const dataSource = worker.get(DataSource);
    const profile = await systemProfile('reminders-pipeline');
    // Read only for BENCH_HIST's table: otherwise nothing more runs in the timed window.
    const bucketMs = histBucketMs();
    const machine = bucketMs === null ? null : machineBusy(bucketMs);
    const start = process.hrtime.bigint();
    const cpu = countCpuOf({ worker: { pid: process.pid }, ...threadsOf('worker', process.pid), ...OTHERS, sink: { pid: smtpPid } });
    const { summary, sweepMs, sweepCpu, states } = await withAllocationSampling('reminders-pipeline', async () => {
      const summary = await worker.get(SweepService).run(today);
      const sweepMs = Number(process.hrtime.bigint() - start) / 1e6;
      const sweepCpu = cpu();
      let states: Record<string, number> = {};
      const deadline = Date.now() + limitSeconds * 1000;
      for (;;) {
        const late = Date.now() > deadline;
        const [{ owed }] = await dataSource.query<{ owed: boolean }[]>(OWED);
        if (!owed || late) {
          states = Object.fromEntries((await dataSource.query<{ state: string; n: number }[]>(STATES)).map((s) => [s.state, s.n]));
          if (!states.pending || late) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { summary, sweepMs, sweepCpu, states };
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const allCpu = cpu();
    const cores = machine?.stop() ?? [];
    await profile.stop();
    // The timed window in the clock of a V8 CPU profile (microseconds), to read only it from BENCH_CPU_PROF's file.
    if (process.env.BENCH_CPU_PROF) console.log(`reminders: timed window in the profile's clock: ${start / 1000n} to ${process.hrtime.bigint() / 1000n} µs`);
    await printStages(dataSource, Date.now() - ms, cores);
    if (states.pending) console.log(`reminders: gave up after ${limitSeconds} s with ${states.pending} still pending`);
    return { ms, sweepMs, summary, states, cpu: allCpu, sweepCpu };
  } finally {
    await worker.close();
  }
}

/** BENCH_HIST=1: a row per second; BENCH_HIST=100: per 100 ms (any number of 10 or more is the bucket's length in ms). */
function histBucketMs(): number | null {
  if (!process.env.BENCH_HIST) return null;
  return Number(process.env.BENCH_HIST) >= 10 ? Number(process.env.BENCH_HIST) : 1000;
}

/**
 * When each stage finished, in seconds from the start, so a slow stage shows (each is a job kind of its
 * own); with BENCH_HIST, what each stage did in each interval beside how many of the machine's cores were
 * busy in it (`cores`, sampled over the same intervals) and how many the host took.
 */
async function printStages(dataSource: DataSource, startedAt: number, cores: { busy: number; stolen: number }[]): Promise<void> {
  const [t] = await dataSource.query<Record<string, Date | null>[]>(
    `SELECT (SELECT max(l.created_at) FROM letters l) AS made, (SELECT max(l.rendered_at) FROM letters l) AS rendered,
            (SELECT max(d.claimed_at) FROM mail_deliveries d) AS claimed, (SELECT max(d.sent_at) FROM mail_deliveries d) AS sent`,
  );
  const at = (d: Date | null) => (d ? ((d.getTime() - startedAt) / 1000).toFixed(1) : '-');
  const bucketMs = histBucketMs();
  if (bucketMs !== null) {
    const count = (table: string, column: string) => `(SELECT count(*)::int FROM ${table} WHERE date_bin($2::interval, ${column}, $1::timestamptz) = s)`;
    const rows = await dataSource.query<Record<string, unknown>[]>(
      `SELECT to_char(s, 'SS.MS') AS s, ${count('letters', 'created_at')} made, ${count('letters', 'rendered_at')} rendered, ${count('mail_deliveries', 'created_at')} owed,
              ${count('mail_deliveries', 'claimed_at')} claimed, ${count('mail_deliveries', 'sent_at')} sent, ${count('job_outbox', 'relayed_at')} relayed
         FROM generate_series($1::timestamptz, now(), $2::interval) s`,
      [new Date(startedAt), `${bucketMs} milliseconds`],
    );
    console.table(rows.map((row, i) => ({ ...row, 'cores busy': cores[i]?.busy.toFixed(2) ?? '-', stolen: cores[i]?.stolen.toFixed(2) ?? '-' })));
  }
  console.log(`reminders: stages done at (s): letters made ${at(t.made)}, rendered ${at(t.rendered)}, emails claimed ${at(t.claimed)}, sent ${at(t.sent)}`);
}

/** BullMQ no-op jobs through one worker of the same concurrency as the app's, on the same Redis. */
async function bullmqNoop(jobs: number): Promise<number> {
  const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
  const prefix = `${process.env.REDIS_PREFIX}-noop`;
  const queue = new Queue('noop', { connection, prefix });
  const events = new QueueEvents('noop', { connection, prefix });
  await events.waitUntilReady();
  let done = 0;
  let finished: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (finished = resolve));
  const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency: 4 });
  worker.on('completed', () => ++done === jobs && finished());
  await worker.waitUntilReady();
  try {
    const start = process.hrtime.bigint();
    for (let i = 0; i < jobs; i += 1000) {
      await queue.addBulk(Array.from({ length: Math.min(1000, jobs - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })));
    }
    await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error('BullMQ no-op jobs did not finish in 120 s')), 120_000))]);
    return jobs / (Number(process.hrtime.bigint() - start) / 1e9);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await events.close();
  }
}

/** A reminder-sized message: the text, and an HTML part making up the rest of its size (headers and text are about 2 kB; quoted-printable adds a little). */
function reminderLike(i: number, averageBytes: number) {
  const text = 'Dear Service Manager,\r\n\r\n' + 'This is a reminder from the National Portage Association. '.repeat(20);
  const html = `<html><body>${'<p>This is a reminder from the National Portage Association.</p>'.repeat(Math.max(1, Math.round((averageBytes - 2000) / 66)))}</body></html>`;
  return {
    from: 'National Portage Association <no-reply@portage.org.uk>',
    to: `"Service Manager ${i}" <manager${i}@bench.example.org>`,
    subject: `Reminder ${i}`,
    text,
    html,
  };
}

/** Bare nodemailer, one connection per message (as the Mailer did before it pooled), 4 at once as the mail worker runs. */
async function bareNodemailer(smtp: SmtpSink, count: number, averageBytes: number): Promise<number> {
  const transport = createTransport({ url: smtp.url });
  try {
    return await perSecond(count, 4, (i) => transport.sendMail(reminderLike(i, averageBytes)));
  } finally {
    transport.close();
  }
}

interface PooledInput {
  url: string;
  smtpPid: number;
  count: number;
  averageBytes: number;
  connections: number;
}

/** In a process of its own: nodemailer's pool, as many connections as the mail worker, and as many messages in flight. */
async function pooledNodemailer({ url, smtpPid, count, averageBytes, connections }: PooledInput): Promise<{ rate: number; cpu: Cpu }> {
  const transport = createTransport({ url, pool: true, maxConnections: connections });
  try {
    const cpu = countCpuOf({ floor: { pid: process.pid }, ...threadsOf('floor', process.pid), sink: { pid: smtpPid } });
    const rate = await perSecond(count, connections, (i) => transport.sendMail(reminderLike(i, averageBytes)));
    return { rate, cpu: cpu() };
  } finally {
    transport.close();
  }
}

serveChild({ pooledNodemailer, pipeline });

/**
 * The pipeline and its true floor (pooled nodemailer) take turns this many times, the pipeline each time
 * on a fresh copy of the built register with a Redis prefix of its own, and each keeps its best, as the
 * sweep's part does: with one run each, a slow spell of this machine decided the ratio, and with two a
 * slow spell over one side's both turns still did.
 */
const TURNS = 3;

type Piped = Awaited<ReturnType<typeof pipeline>>;
type PipelineRun = Piped & { sent: number; averageBytes: number; rate: number };

export async function remindersPart(options: { scale: number }): Promise<Row[]> {
  benchEnv('reminders');
  const smtp = await startSmtpSink();
  const db = await benchDatabase('reminders');
  // The worker's Mailer pools this many connections (the mail queue's concurrency), from the same variable.
  const connections = Number(process.env.MAIL_CONCURRENCY ?? new AppConfig().MAIL_CONCURRENCY);
  try {
    const register = await buildRegister(db.url, { scale: options.scale });
    console.log(`reminders: ${describeRegister(register)}`);
    const runs: PipelineRun[] = [];
    const pooledRates: number[] = [];
    for (let turn = 1; turn <= TURNS; turn++) {
      const copy = await copyOf(db, `reminders_turn${turn}`);
      try {
        const before = await smtp.counts();
        const input: PipelineInput = {
          url: copy.url,
          smtpUrl: smtp.url,
          smtpPid: smtp.pid,
          redisPrefix: `${process.env.REDIS_PREFIX}-turn${turn}`,
          today: register.today,
          limitSeconds: 900,
        };
        const piped = await inChild<PipelineInput, Piped>(__filename, 'pipeline', input, { compiled: true });
        const after = await smtp.counts();
        const sent = after.accepted - before.accepted;
        const run = { ...piped, sent, averageBytes: (after.bytes - before.bytes) / Math.max(sent, 1), rate: sent / (piped.ms / 1000) };
        console.log(
          `reminders: turn ${turn}: ${run.summary.remindersNew} recorded (${JSON.stringify(run.summary.newByKind)}; sweep ${run.sweepMs.toFixed(0)} ms), final states ${JSON.stringify(run.states)}, ` +
            `${run.sent} emails accepted (${(run.averageBytes / 1024).toFixed(0)} kB each) in ${(run.ms / 1000).toFixed(1)} s`,
        );
        const { rate: pooled, cpu: pooledCpu } = await inChild<PooledInput, { rate: number; cpu: Cpu }>(
          __filename,
          'pooledNodemailer',
          { url: smtp.url, smtpPid: smtp.pid, count: run.sent, averageBytes: run.averageBytes, connections },
          { compiled: true },
        );
        const floorDone = await smtp.counts();
        console.log(`reminders: turn ${turn}: ${run.rate.toFixed(0)} emails/s end to end; pooled nodemailer ${pooled.toFixed(0)} messages/s`);
        // Where a connection's time goes per message, the pipeline's beside the floor's: a wait of ours shows as a longer step.
        console.log(
          `reminders: turn ${turn}: SMTP conversation per message (mean ms, the sink's clock): the pipeline: ${stepsBetween(before, after)}; the pooled floor: ${stepsBetween(after, floorDone)}`,
        );
        console.log(
          `reminders: turn ${turn}: CPU per email (ms): ${perEmail(run.cpu, run.sent)} (while the sweep ran, composing beside it: ${perEmail(run.sweepCpu, run.sent)}); ` +
            `the pooled floor per message: ${perEmail(pooledCpu, run.sent)}`,
        );
        runs.push(run);
        pooledRates.push(pooled);
      } finally {
        await copy.drop();
      }
    }
    const run = bestRun(runs, (r) => r.rate, 'highest');
    const rate = run.rate;
    const pooled = Math.max(...pooledRates);
    const noop = await bullmqNoop(Math.max(run.sent, 2000) * 5);
    const bare = await bareNodemailer(smtp, run.sent, run.averageBytes);
    console.log(
      `reminders: floors: BullMQ no-op ${noop.toFixed(0)} jobs/s, bare nodemailer ${bare.toFixed(0)} messages/s, ` +
        `pooled nodemailer (${connections} connections, own process) ${pooled.toFixed(0)} messages/s (the best of ${TURNS})`,
    );
    const label = 'reminders emailed per second, end to end (sweep, letter, SMTP)';
    return [
      row({
        part: 'reminders',
        figure: label,
        unit: '/s',
        value: rate,
        floorIs: `nodemailer pool of ${connections} connections, own process, same size, same server`,
        floor: pooled,
        target: '>= 50% of floor',
        met: rate >= 0.5 * pooled,
      }),
      row({
        part: 'reminders',
        figure: label,
        unit: '/s',
        value: rate,
        floorIs: 'bare nodemailer, a connection per message, same size, same server',
        floor: bare,
        target: null,
        met: null,
      }),
      row({
        part: 'reminders',
        figure: 'reminders emailed per second, beside BullMQ no-op jobs',
        unit: '/s',
        value: rate,
        floorIs: 'BullMQ no-op jobs/s, same Redis',
        floor: noop,
        target: null,
        met: null,
      }),
    ];
  } finally {
    await db.drop();
    await smtp.close();
  }
}
