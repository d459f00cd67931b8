import { Readable } from 'node:stream';

/**
 * The whole of a stream, or its error: never an unhandled rejection while nobody waits for it yet. Its
 * chunks are joined once at the end; `stream/consumers`' buffer() goes through a Blob (a copy, then
 * reads of it in turns), which cost the mail worker ~0.05 ms per email (README, Benchmarks).
 */
function collect(source: Readable): Promise<Buffer> {
  const bytes = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    source.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    source.once('end', () => resolve(Buffer.concat(chunks)));
    source.once('error', reject);
    // Destroyed without an error before its end (by _destroy below): nobody reads it any more.
    source.once('close', () => reject(new Error('The message stream closed before its end')));
  });
  bytes.catch(() => undefined);
  return bytes;
}

/**
 * A message stream that gives its first byte only after `beforeData` has run. nodemailer's SMTP
 * connection reads the message once the server has answered DATA with "354 go ahead", so `beforeData`
 * runs after the envelope is accepted and before a byte of the message leaves: the one moment the sender
 * can record "the server may get it from here". If it fails, or the message cannot be built (then it is
 * not run), the stream fails and the message is never sent.
 *
 * The message itself is built at once, while the envelope is on its way, as nodemailer builds it for a
 * message without the hook: built after the 354, it held the connection idle for its making (README,
 * Benchmarks). It is handed on in one piece: nodemailer builds it in dozens of small pieces (each header,
 * each encoded line run), and each would be a write to the socket of its own. A message is at most a few PDFs in size.
 */
export class AfterDataStream extends Readable {
  private readonly built: Promise<Buffer>;
  private started = false;

  constructor(
    private readonly source: Readable,
    private readonly beforeData: () => Promise<void>,
  ) {
    super();
    this.built = collect(source);
  }

  override _read(): void {
    if (this.started) return;
    this.started = true;
    // Built first: a message that cannot be built fails before the hook, so nothing records that it may have gone.
    this.built
      .then(async (bytes) => {
        await this.beforeData();
        this.push(bytes);
        this.push(null);
      })
      .catch((error: Error) => this.destroy(error));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.source.destroy();
    callback(error);
  }
}
