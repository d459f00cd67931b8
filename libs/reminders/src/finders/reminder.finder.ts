import { Injectable } from '@nestjs/common';
import { RuleParametersService } from '@npa/compliance';
import type { IsoDate } from '@npa/platform';
import { ReminderKindRegistry } from '../kinds/reminder-kind.registry';
import { reminderKey, type DueReminder, type RecordedReminder, type ReminderIdentity, type StillDue } from './due-reminder';
import { ReminderRecipients } from './recipients';
import { reminderOffsets } from './reminder-offsets';

/**
 * Finds the reminders due on a date, for the daily sweep: each kind's own set-based query (../kinds, one
 * file per kind or family of kinds sharing their rows), the users looked up in one query at the end.
 * The offsets are those of the rule parameters in force, and each reminder records their version.
 * `stillDue` asks the reminder's kind to check it again when it is about to be sent, under the offsets
 * that found it: an admin's change meanwhile must not turn a reminder found on its right day into one
 * "no longer due".
 */
@Injectable()
export class ReminderFinder {
  constructor(
    private readonly kinds: ReminderKindRegistry,
    private readonly parameters: RuleParametersService,
    private readonly recipients: ReminderRecipients,
  ) {}

  async due(asOf: IsoDate): Promise<DueReminder[]> {
    const { version, params } = await this.parameters.current();
    const offsets = reminderOffsets(params);
    const found = await Promise.all(this.kinds.sources().map((source) => source.find({ asOf, offsets, params })));
    const reminders = (await this.recipients.resolve(found.flat())).map((r) => ({ ...r, parameterVersion: version }));
    return reminders.sort((a, b) => (reminderKey(a) < reminderKey(b) ? -1 : reminderKey(a) > reminderKey(b) ? 1 : 0));
  }

  /** Checks one reminder again just before it is sent: has what it asks for already been done? */
  async stillDue(reminder: RecordedReminder, today: IsoDate): Promise<StillDue> {
    const [still] = await this.stillDueAll([reminder], today);
    return still;
  }

  /**
   * As stillDue, for several reminders: those of one kind found under one set of offsets are checked
   * together where the kind can (`stillDueAll`), the rest one at a time, so a job's checks never take
   * more than one pooled connection.
   */
  async stillDueAll(reminders: readonly RecordedReminder[], today: IsoDate): Promise<StillDue[]> {
    const answers: StillDue[] = new Array<StillDue>(reminders.length);
    const groups = Map.groupBy(reminders.keys(), (i) => `${reminders[i].kind}@${reminders[i].parameterVersion ?? 'current'}`);
    for (const indexes of groups.values()) {
      const { parameterVersion, kind } = reminders[indexes[0]];
      const { params } = parameterVersion == null ? await this.parameters.current() : await this.parameters.at(parameterVersion);
      const offsets = reminderOffsets(params);
      const source = this.kinds.source(kind);
      const group = indexes.map((i) => identityOf(reminders[i]));
      const checked = source.stillDueAll ? await source.stillDueAll(group, today, offsets) : [];
      for (const [j, i] of indexes.entries()) answers[i] = checked[j] ?? (await source.stillDue(group[j], today, offsets));
    }
    return answers;
  }
}

const identityOf = ({ kind, subjectKind, subjectId, dueOn }: RecordedReminder): ReminderIdentity => ({ kind, subjectKind, subjectId, dueOn });
