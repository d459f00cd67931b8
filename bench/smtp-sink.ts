// An SMTP server that accepts every message, counting messages and bytes and parsing nothing, in a
// process of its own: a mail server is another process in production, and in the bench's own process it
// would take CPU from whatever shares that process (the real worker, in bench/reminders.ts).
import { fork } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  /** Its process, whose CPU time a figure beside it counts (bench/cpu-time.ts). */
  pid: number;
  counts: () => Promise<Counts>;
  close: () => Promise<void>;
}

/**
 * The steps of one message's conversation, each timed on the sink's clock from the sink's last word to
 * the client's next: `next message` from the 250 that accepted the connection's previous message to the
 * next MAIL FROM (the client's time between two messages), then to RCPT TO, to DATA, to the message's
 * first byte (after the 354: a hook such as the Mailer's beforeData sits here), and to its end.
 */
export const STEPS = ['next message', 'RCPT TO', 'DATA', 'first byte', 'data'] as const;
export type Step = (typeof STEPS)[number];

export interface Counts {
  accepted: number;
  bytes: number;
  /** Per step, the milliseconds summed over messages and how many were timed. */
  steps: Record<Step, { ms: number; n: number }>;
}

/** Mean milliseconds per message of each step between two counts, to print beside another's. */
export function stepsBetween(before: Counts, after: Counts): string {
  return STEPS.map((step) => {
    const n = after.steps[step].n - before.steps[step].n;
    return `${step} ${n ? ((after.steps[step].ms - before.steps[step].ms) / n).toFixed(2) : '-'}`;
  }).join(', ');
}

/** Starts the sink in a child process and resolves once it listens on loopback. */
export function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(__filename, ['--smtp-sink'], { execArgv: ['-r', 'ts-node/register/transpile-only'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  return next<{ url: string }>().then(({ url }) => ({
    url,
    pid: child.pid!,
    counts: async () => {
      const answer = next<Counts>();
      child.send('counts');
      return answer;
    },
    close: async () => {
      child.send('stop');
      await exited;
    },
  }));
}

async function serve(): Promise<void> {
  let accepted = 0;
  let bytes = 0;
  const steps = Object.fromEntries(STEPS.map((step) => [step, { ms: 0, n: 0 }])) as Counts['steps'];
  // Per connection, when the sink last spoke (or last heard): the next step is timed from there.
  const last = new Map<string, number>();
  const step = (id: string, name: Step) => {
    const now = performance.now();
    const since = last.get(id);
    if (since !== undefined) {
      steps[name].ms += now - since;
      steps[name].n += 1;
    }
    last.set(id, now);
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Looking up the client's name would put a DNS wait into every message, the floor's and the app's.
    disableReverseLookup: true,
    size: 50 * 1024 * 1024,
    onMailFrom(_address, session, callback) {
      step(session.id, 'next message');
      callback();
    },
    onRcptTo(_address, session, callback) {
      // The first recipient ends the MAIL FROM step; any other is part of the same step to DATA.
      if (session.envelope.rcptTo.length === 0) step(session.id, 'RCPT TO');
      callback();
    },
    onData(stream, session, callback) {
      step(session.id, 'DATA');
      let size = 0;
      stream.once('data', () => step(session.id, 'first byte'));
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.on('end', () => {
        accepted += 1;
        bytes += size;
        step(session.id, 'data');
        callback();
      });
    },
    onClose(session) {
      last.delete(session.id);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  process.on('message', (m) => {
    if (m === 'counts') process.send!({ accepted, bytes, steps } satisfies Counts);
    if (m === 'stop') server.close(() => process.exit(0));
  });
  process.send!({ url: `smtp://127.0.0.1:${port}` });
}

if (process.argv.includes('--smtp-sink')) void serve();
