import { Readable } from 'node:stream';

/**
 * A message stream that opens only when first read. nodemailer's SMTP connection reads the message
 * once the server has answered DATA with "354 go ahead", so `open` runs after the envelope is accepted
 * and before a byte of the message leaves: the one moment the sender can record "the server may get
 * it from here". If `open` fails, the stream fails and the message is never sent.
 */
export class AfterDataStream extends Readable {
  private source?: Readable;
  private opening = false;

  constructor(private readonly open: () => Promise<Readable>) {
    super();
  }

  override _read(): void {
    if (this.source) {
      this.source.resume();
      return;
    }
    if (this.opening) return;
    this.opening = true;
    this.open().then(
      (source) => {
        this.source = source;
        source.on('data', (chunk: Buffer) => {
          if (!this.push(chunk)) source.pause();
        });
        source.once('end', () => this.push(null));
        source.once('error', (error) => this.destroy(error));
      },
      (error: Error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.source?.destroy();
    callback(error);
  }
}
