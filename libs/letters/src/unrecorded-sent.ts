/** An email the mail server has taken whose sending is not written yet. */
export interface Sent {
  id: string;
  letterId: string;
  messageId: string;
}

/** How long a sent email waits for the next one's data start to write it before it is written alone. */
export const HELD_AT_MOST_MS = 250;

/**
 * The one email of a deliver-many job that has gone and is not yet recorded `sent`. The next email's
 * data start writes it (`take`); if none comes within HELD_AT_MOST_MS (a slow mail server, a pool busy
 * with other jobs' messages), it is written alone, and the job writes the last one before it ends
 * (`settle`). A worker that dies meanwhile leaves it claimed with its data started: it is marked
 * `unknown` and never sent again, as when a worker dies between an email's last byte and its record.
 */
export class UnrecordedSent {
  private sent: Sent | null = null;
  private timer: NodeJS.Timeout | undefined;
  private written: Promise<void> = Promise.resolve();

  /**
   * `record` writes one email sent on its own (with patience for a database outage); `handOn` takes
   * over one it could not write (and never rejects): the email must still end up `sent` or `unknown`.
   */
  constructor(
    private readonly record: (sent: Sent) => Promise<void>,
    private readonly handOn: (sent: Sent, error: Error) => Promise<void>,
  ) {}

  hold(sent: Sent): void {
    const before = this.take();
    // Never two at once in a job that sends one email after another; if it happens, nothing is dropped.
    if (before) this.writeAlone(before);
    this.sent = sent;
    this.timer = setTimeout(() => {
      const late = this.take();
      if (late) this.writeAlone(late);
    }, HELD_AT_MOST_MS);
  }

  /** The email held, to be written with the next email's data start (put it back with `hold` if that fails). */
  take(): Sent | null {
    clearTimeout(this.timer);
    const sent = this.sent;
    this.sent = null;
    return sent;
  }

  /** Writes the one held, if any, and waits for those written alone: the job ends with every sending written or handed on. */
  async settle(): Promise<void> {
    const last = this.take();
    await this.written;
    if (last) await this.write(last);
  }

  private writeAlone(sent: Sent): void {
    this.written = this.written.then(() => this.write(sent));
  }

  private write(sent: Sent): Promise<void> {
    return this.record(sent).catch((error: Error) => this.handOn(sent, error));
  }
}
