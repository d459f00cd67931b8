import { Readable } from 'node:stream';

/**
 * A message stream that opens only when first read. nodemailer's SMTP connection reads the message
 * once the server has answered DATA with "354 go ahead", so `open` runs after the envelope is accepted
 * and before a byte of the message leaves: the one moment the sender can record "the server may get
 * it from here". If `open` fails, the stream fails and the message is never sent.
 *
 * The message is handed on in one piece: nodemailer builds it in dozens of small pieces (each header,
 * each encoded line run), and each would be a write to the socket of its own, the mail worker's
 * biggest cost after the database (README, Benchmarks). A message is at most a few PDFs in size.
 */
export class AfterDataStream extends Readable {
  private source?: Readable;
  private opening = false;

  constructor(private readonly open: () => Promise<Readable>) {
    super();
  }

  override _read(): void {
    if (this.opening) return;
    this.opening = true;
    this.open()
      .then(async (source) => {
        this.source = source;
        const chunks: Buffer[] = [];
        for await (const chunk of source) chunks.push(chunk as Buffer);
        this.push(Buffer.concat(chunks));
        this.push(null);
      })
      .catch((error: Error) => this.destroy(error));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.source?.destroy();
    callback(error);
  }
}
