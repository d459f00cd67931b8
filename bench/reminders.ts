// The reminder pipeline end to end: the real worker (apps/worker WorkerModule) sends through an SMTP
// server in this process; the sweep runs, and the clock stops when every reminder it recorded has been
// sent (or suppressed, or failed) and every email accepted. Beside it, two floors from the same run:
// BullMQ's own throughput for no-op jobs on the same Redis, and bare nodemailer sending as many messages
// of the same size (a reminder is an email with a text and an HTML part, no PDF) to the same server, as
// many at once as the mail worker.
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { WorkerModule } from '@npa/worker';
import { SweepService } from '@npa/reminders';
import { benchDatabase, benchEnv, buildRegister, describeRegister, perSecond, row, type Row } from './support';

interface Smtp {
  url: string;
  accepted: () => number;
  bytes: () => number;
  close: () => Promise<void>;
}

/** Accepts every message, counting them and their bytes; parses nothing. */
async function startSmtp(): Promise<Smtp> {
  let accepted = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Looking up the client's name would put a DNS wait into every message, the floor's and the app's.
    disableReverseLookup: true,
    size: 50 * 1024 * 1024,
    onData(stream, _session, callback) {
      let size = 0;
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.on('end', () => {
        accepted += 1;
        bytes += size;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    bytes: () => bytes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const STATES = `SELECT CASE WHEN r.state <> 'pending' THEN r.state WHEN d.state IN ('sent', 'failed', 'unknown', 'suppressed') THEN d.state ELSE 'pending' END AS state, count(*)::int AS n
                  FROM reminders r LEFT JOIN mail_deliveries d ON d.letter_id = r.letter_id GROUP BY 1`;

/** Boots the worker, runs the sweep, and waits (bounded) until no reminder is pending any more. */
async function pipeline(url: string, smtp: Smtp, today: string, options: { limitSeconds: number }) {
  process.env.DATABASE_URL = url;
  process.env.SMTP_URL = smtp.url;
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  try {
    await worker.init();
    const dataSource = worker.get(DataSource);
    const acceptedBefore = smtp.accepted();
    const bytesBefore = smtp.bytes();
    const start = process.hrtime.bigint();
    const summary = await worker.get(SweepService).run(today);
    const sweepMs = Number(process.hrtime.bigint() - start) / 1e6;
    let states: Record<string, number> = {};
    const deadline = Date.now() + options.limitSeconds * 1000;
    for (;;) {
      states = Object.fromEntries((await dataSource.query<{ state: string; n: number }[]>(STATES)).map((s) => [s.state, s.n]));
      if (!states.pending || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const sent = smtp.accepted() - acceptedBefore;
    if (states.pending) console.log(`reminders: gave up after ${options.limitSeconds} s with ${states.pending} still pending`);
    return { ms, sweepMs, summary, states, sent, averageBytes: (smtp.bytes() - bytesBefore) / Math.max(sent, 1) };
  } finally {
    await worker.close();
    delete process.env.SMTP_URL;
  }
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

/** Bare nodemailer, one connection per message as the Mailer does, 4 at once as the mail worker runs. */
async function bareNodemailer(smtp: Smtp, count: number, averageBytes: number): Promise<number> {
  const transport = createTransport({ url: smtp.url });
  const text = 'Dear Service Manager,\r\n\r\n' + 'This is a reminder from the National Portage Association. '.repeat(20);
  // A reminder's HTML part makes up the rest of its size (headers and text are about 2 kB; quoted-printable adds a little).
  const html = `<html><body>${'<p>This is a reminder from the National Portage Association.</p>'.repeat(Math.max(1, Math.round((averageBytes - 2000) / 66)))}</body></html>`;
  try {
    return await perSecond(count, 4, (i) =>
      transport.sendMail({
        from: 'National Portage Association <no-reply@portage.org.uk>',
        to: `"Service Manager ${i}" <manager${i}@bench.example.org>`,
        subject: `Reminder ${i}`,
        text,
        html,
      }),
    );
  } finally {
    transport.close();
  }
}

export async function remindersPart(options: { scale: number }): Promise<Row[]> {
  benchEnv('reminders');
  const smtp = await startSmtp();
  const db = await benchDatabase('reminders');
  try {
    const register = await buildRegister(db.url, { scale: options.scale });
    console.log(`reminders: ${describeRegister(register)}`);
    const run = await pipeline(db.url, smtp, register.today, { limitSeconds: 900 });
    const rate = run.sent / (run.ms / 1000);
    console.log(
      `reminders: ${run.summary.remindersNew} recorded (sweep ${run.sweepMs.toFixed(0)} ms), final states ${JSON.stringify(run.states)}, ` +
        `${run.sent} emails accepted (${(run.averageBytes / 1024).toFixed(0)} kB each) in ${(run.ms / 1000).toFixed(1)} s`,
    );
    const noop = await bullmqNoop(Math.max(run.sent, 2000) * 5);
    const bare = await bareNodemailer(smtp, run.sent, run.averageBytes);
    console.log(`reminders: floors: BullMQ no-op ${noop.toFixed(0)} jobs/s, bare nodemailer ${bare.toFixed(0)} messages/s`);
    const label = 'reminders emailed per second, end to end (sweep, letter, SMTP)';
    return [
      row({
        part: 'reminders',
        figure: label,
        unit: '/s',
        value: rate,
        floorIs: 'bare nodemailer, same size, same server',
        floor: bare,
        target: '>= 50% of floor',
        met: rate >= 0.5 * bare,
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
