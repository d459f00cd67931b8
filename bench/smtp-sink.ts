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

interface Counts {
  accepted: number;
  bytes: number;
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
  process.on('message', (m) => {
    if (m === 'counts') process.send!({ accepted, bytes });
    if (m === 'stop') server.close(() => process.exit(0));
  });
  process.send!({ url: `smtp://127.0.0.1:${port}` });
}

if (process.argv.includes('--smtp-sink')) void serve();
