import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, JobQueue, jobId, jobOptions, OnJob, RedisResets, Clock } from '@npa/platform';
import { DeliveryChecks, LettersService } from '@npa/letters';
import type { Letter, Verdict } from '@npa/letters';
import { ReminderFinder } from './finders/reminder.finder';
import type { RecordedReminder } from './finders/due-reminder';
import { ReminderKindRegistry } from './kinds/reminder-kind.registry';
import { reminderLetter } from './reminder-letters';
import type { Reminder } from './reminder.entity';
import { DUE } from './kinds/reminder-kind';
import { findReminder, findReminders, REMINDER_COLUMNS } from './reminder-reads';
import { prepareJobId, SweepService } from './sweep.service';

/** The daily sweep's schedule, upserted from this one place at every worker start: a restart never makes two. */
export const SWEEP_SCHEDULER_ID = 'daily-sweep';

/**
 * The worker's reminder jobs. A due reminder's stop condition is checked when its letter is prepared
 * and again just before the email goes (the award renewed meanwhile, the supervision logged): then the
 * reminder is suppressed with the reason, not sent.
 */
@Injectable()
export class ReminderJobs implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sweep: SweepService,
    private readonly finder: ReminderFinder,
    private readonly kinds: ReminderKindRegistry,
    private readonly letters: LettersService,
    private readonly checks: DeliveryChecks,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly resets: RedisResets,
  ) {}

  onModuleInit(): void {
    this.checks.register((letters) => this.stillWanted(letters));
    // A Redis that lost its data took the schedule, today's sweep if it was under way, and the queued
    // reminders; the schedule is set again, today's sweep run again (it records nothing twice), and every
    // reminder still waiting for its letter queued again.
    this.resets.register('reminders', async () => {
      await this.schedule();
      const today = this.clock.today();
      await this.queue.enqueue('sweep.daily', { asOf: today }, { jobId: jobId('sweep', 'after-reset', today) });
      const waiting = await this.dataSource.query<Reminder[]>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE state = 'pending' AND letter_id IS NULL`);
      for (const r of waiting) await this.queue.enqueue('reminder.prepare', { reminderId: r.id }, { jobId: prepareJobId(r) });
      return waiting.length + 1;
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
  }

  private async schedule(): Promise<void> {
    await this.queue
      .queue('sweep')
      .upsertJobScheduler(
        SWEEP_SCHEDULER_ID,
        { pattern: this.config.SWEEP_CRON, tz: this.config.TIME_ZONE },
        { name: 'sweep.daily', data: {}, opts: jobOptions('sweep.daily') },
      );
  }

  @OnJob('sweep.daily')
  async daily({ asOf }: { asOf?: string }) {
    return this.sweep.run(asOf ?? this.clock.today());
  }

  @OnJob('reminder.prepare')
  async prepare({ reminderId }: { reminderId: string }): Promise<void> {
    const reminder = await findReminder(this.dataSource, reminderId);
    if (!reminder || reminder.state !== 'pending' || reminder.letterId) return;
    const today = this.clock.today();
    const still = await this.finder.stillDue(identity(reminder), today);
    if (!still.due) {
      await this.suppress(reminder.id, still.reason);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      const letterId = await this.letters.request(manager, reminderLetter(reminder, today, this.kinds));
      await manager.query('UPDATE reminders SET letter_id = $2 WHERE id = $1', [reminder.id, letterId]);
    });
  }

  /** Each reminder's letter checked again just before it goes; the reminders are read in one query. */
  private async stillWanted(letters: Letter[]): Promise<Verdict[]> {
    const ids = letters.flatMap((letter) => (letter.reminderId ? [letter.reminderId] : []));
    const reminders = new Map((await findReminders(this.dataSource, ids)).map((r) => [r.id, r]));
    const of = letters.map((letter) => (letter.reminderId ? reminders.get(letter.reminderId) : undefined));
    const found = of.filter((r): r is Reminder => r !== undefined);
    const checked = new Map((await this.finder.stillDueAll(found.map(identity), this.clock.today())).map((still, i) => [found[i], still]));
    const verdicts: Verdict[] = [];
    for (const reminder of of) {
      const still = reminder ? checked.get(reminder)! : DUE;
      if (reminder && !still.due) await this.suppress(reminder.id, still.reason);
      verdicts.push(still.due ? { send: true } : { send: false, reason: still.reason });
    }
    return verdicts;
  }

  private async suppress(id: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE reminders SET state = 'suppressed', reason = $2 WHERE id = $1 AND state = 'pending'`, [id, reason]);
  }
}

const identity = (r: Reminder) =>
  ({ kind: r.kind, subjectKind: r.subjectKind, subjectId: r.subjectId, dueOn: r.dueOn, parameterVersion: r.parameterVersion }) as RecordedReminder;
