import { Injectable } from '@nestjs/common';
import { RuleParametersService } from '@npa/compliance';
import type { IsoDate } from '@npa/platform';
import { ReminderKindRegistry } from '../kinds/reminder-kind.registry';
import { reminderKey, type DueReminder, type RecordedReminder, type StillDue } from './due-reminder';
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
  async stillDue({ parameterVersion, ...r }: RecordedReminder, today: IsoDate): Promise<StillDue> {
    const { params } = parameterVersion == null ? await this.parameters.current() : await this.parameters.at(parameterVersion);
    return this.kinds.source(r.kind).stillDue(r, today, reminderOffsets(params));
  }
}
