import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, addMonths, Clock } from '@npa/platform';
import { approveThrough, readySetting, travel } from './approval';
import { DataSource } from 'typeorm';
import { bootApi, bootWorker, eventually } from './boot';
import { http, SignedIn, signedIn } from './people';
import { startSmtp, TestSmtp } from './smtp';

export interface ListedReminder {
  kind: string;
  dueOn: string;
  state: string;
  sentAt: string | null;
  recipients: string[];
  reason: string | null;
}

/**
 * The world of the automation suites: the API and a worker on the run's database, a real SMTP server
 * both send to, an NPA admin and a reviewer, and one clock that the API and whichever worker is running
 * follow (it moves the worker that replaces a stopped one to the same day).
 */
export class AutomationWorld {
  private day: string | null = null;
  private travelled: ReturnType<typeof travel>;

  private constructor(
    readonly smtp: TestSmtp,
    readonly app: NestFastifyApplication,
    public worker: INestApplicationContext,
    readonly admin: SignedIn,
    readonly reviewer: SignedIn,
    readonly today: string,
  ) {
    this.travelled = travel(app, worker);
  }

  static async start(): Promise<AutomationWorld> {
    const smtp = await startSmtp();
    const app = await bootApi({ SMTP_URL: smtp.url });
    const worker = await bootWorker({ SMTP_URL: smtp.url });
    return new AutomationWorld(smtp, app, worker, await signedIn(app, 'npa_admin'), await signedIn(app, 'npa_reviewer'), app.get(Clock).today());
  }

  /** The day the API and the worker see; `clock.restore()` goes back to the real one. */
  readonly clock = {
    to: (day: string) => {
      this.day = day;
      this.travelled.to(day);
    },
    restore: () => {
      this.day = null;
      this.travelled.restore();
      this.travelled = travel(this.app, this.worker);
    },
  };

  /** Another worker on the same queues and SMTP server (the caller closes it). */
  bootWorker(): Promise<INestApplicationContext> {
    return bootWorker({ SMTP_URL: this.smtp.url });
  }

  /** Runs `work` with no worker taking jobs, then starts a new one on the clock's day. */
  async withoutWorker<T>(work: () => Promise<T>): Promise<T> {
    await this.worker.close();
    try {
      return await work();
    } finally {
      await this.restartWorker({ alreadyStopped: true });
    }
  }

  /** Stops the worker and starts a new one, as a deploy or a crash and restart would. */
  async restartWorker(options: { alreadyStopped?: boolean } = {}): Promise<void> {
    if (!options.alreadyStopped) await this.worker.close();
    this.worker = await this.bootWorker();
    this.travelled.restore();
    this.travelled = travel(this.app, this.worker);
    if (this.day) this.travelled.to(this.day);
  }

  sweep(asOf: string) {
    return http(this.app).post('/sweeps').set(this.admin.auth).send({ asOf }).expect(200);
  }

  async reminders(settingId: string, as: SignedIn = this.admin): Promise<ListedReminder[]> {
    return (await http(this.app).get(`/settings/${settingId}/reminders`).set(as.auth).expect(200)).body as ListedReminder[];
  }

  /** A setting approved today, whose award runs a year and lapses the day after; with its contact. */
  async approvedSetting() {
    const ready = await readySetting(this.app, this.admin, { today: this.today });
    await approveThrough(this.app, ready, this.reviewer);
    const expiresOn = addDays(addMonths(this.today, 12), -1);
    return { ...ready, expiresOn, lapsedOn: addDays(expiresOn, 1) };
  }

  /**
   * Waits until every letter asked for so far is composed and its email sent (or its outcome recorded),
   * so that a test arming the SMTP server's refusals meets only the emails it makes next: an approval's
   * award letter names the setting too, and may still be on its way.
   */
  async mailSettled(): Promise<void> {
    const db = this.app.get(DataSource);
    await eventually(async () => {
      const [{ n }] = await db.query<{ n: number }[]>(
        `SELECT (SELECT count(*) FROM letters l WHERE l.rendered_at IS NULL) + (SELECT count(*) FROM mail_deliveries d WHERE d.state IN ('pending', 'sending')) AS n`,
      );
      return Number(n) === 0;
    }, 30_000);
  }

  async close(): Promise<void> {
    this.travelled.restore();
    await this.worker.close();
    await this.app.close();
    await this.smtp.close();
  }
}
