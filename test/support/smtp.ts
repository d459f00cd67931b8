import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  /** Every message accepted, parsed. */
  received: ParsedMail[];
  /** Every DATA the server was sent, accepted or not (to count attempts). */
  attempts: { subject: string; answer: number }[];
  /** The next `times` messages whose subject contains `match` get this reply code. */
  refuse: (code: number, match: string, times?: number) => void;
  /** The next message whose subject contains `match` is held open, and `onHeld` runs (to kill the sender). */
  hold: (match: string, onHeld: () => void) => void;
  /** The next message whose subject contains `match` is answered (250) only once `during` has finished. */
  pause: (match: string, during: () => Promise<void>) => void;
  /**
   * The next envelope with a recipient whose address contains `match` is held at RCPT TO, before DATA and
   * any of the message, and `onHeld` runs (to kill the sender, or cut its connection with `cut`). With
   * `client`, only an envelope from a sender that greets with that name (SMTP_URL `?name=`) is held.
   */
  holdEnvelope: (match: string, onHeld: (cut: () => void) => void, client?: string) => void;
  /** The next message whose subject contains `match` is read to its end, then the connection is reset, unanswered. */
  resetAfterData: (match: string) => void;
  close: () => Promise<void>;
}

/** A real SMTP server in the test process, as the letters' emails meet it in production. */
export async function startSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const attempts: TestSmtp['attempts'] = [];
  const refusals: { code: number; match: string; times: number }[] = [];
  let held: { match: string; onHeld: () => void } | null = null;
  let paused: { match: string; during: () => Promise<void> } | null = null;
  let heldEnvelope: { match: string; onHeld: (cut: () => void) => void; client?: string } | null = null;
  let resetting: string | null = null;
  // The server's sessions know their client's port only: the sockets are found by it, to be cut.
  const sockets = new Map<number, Socket>();
  const cut = (port: number) => sockets.get(port)?.resetAndDestroy();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, session, callback) {
      const fromClient = !heldEnvelope?.client || session.hostNameAppearsAs === heldEnvelope.client;
      if (heldEnvelope && fromClient && address.address.includes(heldEnvelope.match)) {
        const { onHeld } = heldEnvelope;
        heldEnvelope = null;
        onHeld(() => cut(session.remotePort));
        return; // never answered: no DATA, not a byte of the message
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const subject = mail.subject ?? '';
          if (resetting && subject.includes(resetting)) {
            resetting = null;
            attempts.push({ subject, answer: 0 });
            cut(session.remotePort);
            return;
          }
          if (held && subject.includes(held.match)) {
            const { onHeld } = held;
            held = null;
            attempts.push({ subject, answer: 0 });
            onHeld();
            return; // never answered: the sender dies waiting
          }
          if (paused && subject.includes(paused.match)) {
            const { during } = paused;
            paused = null;
            attempts.push({ subject, answer: 250 });
            received.push(mail);
            during().then(
              () => callback(),
              (error: Error) => callback(error),
            );
            return;
          }
          const refusal = refusals.find((r) => r.times > 0 && subject.includes(r.match));
          if (refusal) {
            refusal.times -= 1;
            attempts.push({ subject, answer: refusal.code });
            return callback(Object.assign(new Error(refusal.code < 500 ? 'Try again later' : 'Mailbox unavailable'), { responseCode: refusal.code }));
          }
          attempts.push({ subject, answer: 250 });
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A sender killed or cut off mid-conversation resets its connection: that is the drill, not a failure.
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort!;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts,
    refuse: (code, match, times = 1) => refusals.push({ code, match, times }),
    hold: (match, onHeld) => (held = { match, onHeld }),
    pause: (match, during) => (paused = { match, during }),
    holdEnvelope: (match, onHeld, client) => (heldEnvelope = { match, onHeld, client }),
    resetAfterData: (match) => (resetting = match),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const withSubject = (smtp: TestSmtp, part: string) => smtp.received.filter((m) => (m.subject ?? '').includes(part));
