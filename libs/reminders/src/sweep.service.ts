import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IsoDate } from '@npa/platform';
import { Outbox, jobId, Clock, inLanes } from '@npa/platform';
import { ComplianceLetters, ComplianceService, FactsLoader } from '@npa/compliance';
import { LettersService } from '@npa/letters';
import type { DueReminder } from './finders/due-reminder';
import { ReminderFinder } from './finders/reminder.finder';
import { ReminderKindRegistry } from './kinds/reminder-kind.registry';
import { storeNew, recordedOnce } from './new-reminders';
import { reminderLetter, type LetteredReminder } from './reminder-letters';
import type { Reminder } from './reminder.entity';

export interface SweepSummary {
  asOf: IsoDate;
  services: number;
  settings: number;
  nonCompliant: number;
  statusChanges: number;
  remindersDue: number;
  remindersNew: number;
  unreachable: number;
  newByKind: Record<string, number>;
}

type Recorded = Pick<SweepSummary, 'remindersNew' | 'unreachable' | 'newByKind'>;

const BATCH = 500;
/** Batches of due reminders recorded at once. */
const LANES = 2;

/** A due reminder's one prepare job, named by its unique key (the sweep queues it; a requeue after Redis lost its data may again). */
export const prepareJobId = (r: Pick<Reminder, 'kind' | 'subjectKind' | 'subjectId' | 'dueOn'>) =>
  jobId('reminder', r.kind, r.subjectKind, r.subjectId, r.dueOn);

/**
 * The daily sweep: every service and setting evaluated as of the day (status changes recorded, with a
 * letter to each service whose status moved), then every reminder that is due recorded once under its
 * key, in the same transaction as its email (a sweep as of today) or its prepare job (another day, a signed notice).
 * Run it twice, or twice at once, and the second finds nothing new to record.
 */
@Injectable()
export class SweepService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    private readonly complianceLetters: ComplianceLetters,
    private readonly facts: FactsLoader,
    private readonly finder: ReminderFinder,
    private readonly kinds: ReminderKindRegistry,
    private readonly letters: LettersService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async run(asOf: IsoDate = this.clock.today(), progress: (line: string) => void = () => undefined): Promise<SweepSummary> {
    progress(`Evaluating every service and setting as of ${asOf}, and finding the reminders due`);
    // Independent (the finders read the register, not today's snapshots), so storing the snapshots, mostly
    // PostgreSQL's work, overlaps finding the reminders, mostly ours, and recording them once found
    // (bench/sweep.ts; README, Benchmarks). Both ask for every setting's facts, read once (FactsLoader.holding).
    const [evaluated, { due, recorded }] = await this.facts.holding(asOf, () =>
      Promise.all([
        this.compliance.snapshotAll(asOf, this.complianceLetters.onStatusChange).then((evaluated) => {
          progress(
            `${evaluated.services} services (${evaluated.nonCompliant} not compliant, ${evaluated.statusChanges} changed status) and ${evaluated.settings} settings evaluated`,
          );
          return evaluated;
        }),
        this.finder.due(asOf).then(async (due) => {
          progress(`${due.length} reminders due; recording the new ones`);
          return { due, recorded: await this.record(due, asOf) };
        }),
      ]),
    );
    return {
      asOf,
      services: evaluated.services,
      settings: evaluated.settings,
      nonCompliant: evaluated.nonCompliant,
      statusChanges: evaluated.statusChanges,
      remindersDue: due.length,
      ...recorded,
    };
  }

  private async record(due: DueReminder[], asOf: IsoDate): Promise<Recorded> {
    // Found due today, a reminder email is asked for at once: its prepare job would only find again what
    // the sweep has just found, at the cost of a job and a transaction per reminder (README, Benchmarks).
    // Found due as of another day, it is checked again as of today by that job; so is a signed notice,
    // a letter the NPA puts its name to, which is never made for a lapse renewed before it was prepared.
    // Decided once for the whole sweep, so every batch is treated alike.
    const today = this.clock.today();
    const emailedNow = (r: Pick<DueReminder, 'kind'>) => asOf === today && !this.kinds.source(r.kind).notice;
    const recorded: Recorded = { remindersNew: 0, unreachable: 0, newByKind: {} };
    const batches: DueReminder[][] = [];
    for (let i = 0; i < due.length; i += BATCH) batches.push(due.slice(i, i + BATCH));
    // Two batches at a time, each in its own transaction: while one is PostgreSQL's to insert, the other
    // is ours to build, so neither core waits on the other (README, Benchmarks).
    await inLanes(batches, LANES, (batch) => this.recordBatch(batch, today, emailedNow, recorded));
    return recorded;
  }

  /** One batch of due reminders recorded once each, with today's emails' letters or the others' prepare jobs. */
  private async recordBatch(batch: DueReminder[], today: IsoDate, emailedNow: (r: Pick<DueReminder, 'kind'>) => boolean, recorded: Recorded): Promise<void> {
    // A reminder emailed now is inserted with the id its letter will have, so it is not updated once the
    // letter is made: that UPDATE was a tenth of PostgreSQL's writing in the sweep (README, Benchmarks).
    const rows: LetteredReminder[] = batch.map((r) => ({
      id: randomUUID(),
      letterId: r.recipients.length && emailedNow(r) ? randomUUID() : null,
      kind: r.kind,
      subjectKind: r.subjectKind,
      subjectId: r.subjectId,
      dueOn: r.dueOn,
      organisationKind: r.organisation?.kind ?? null,
      organisationId: r.organisation?.id ?? null,
      recipients: r.recipients,
      facts: r.facts,
      state: r.recipients.length ? 'pending' : 'failed',
      reason: r.recipients.length ? null : 'Nobody to send it to: no user or email address on record for its recipients.',
      parameterVersion: r.parameterVersion,
    }));
    const { created, reachable } = await recordedOnce(() =>
      this.dataSource.transaction(async (manager) => {
        const created = await storeNew(manager, rows);
        const reachable = created.filter((r) => r.state === 'pending');
        // Today's emails have their letters now, each with the id its reminder was stored with and a dedupe
        // key naming it (so none is taken); the rest (another day's, signed notices) their prepare jobs.
        await this.letters.requestNew(
          manager,
          reachable.filter(emailedNow).map((r) => ({ ...reminderLetter(r, today, this.kinds), id: r.letterId! })),
        );
        await this.outbox.addMany(
          manager,
          'reminder.prepare',
          reachable.filter((r) => !emailedNow(r)).map((r) => ({ payload: { reminderId: r.id }, options: { jobId: prepareJobId(r) } })),
        );
        return { created, reachable: reachable.length };
      }),
    );
    for (const r of created) recorded.newByKind[r.kind] = (recorded.newByKind[r.kind] ?? 0) + 1;
    recorded.remindersNew += created.length;
    recorded.unreachable += created.length - reachable;
  }
}
