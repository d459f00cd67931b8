import { Injectable } from '@nestjs/common';
import { RuleParametersService } from '@npa/compliance';
import type { IsoDate } from '@npa/platform';
import { ReminderKindRegistry } from '../kinds/reminder-kind.registry';
import { reminderKey, type DueReminder, type ReminderIdentity, type StillDue } from './due-reminder';
import { ReminderRecipients } from './recipients';
import { DEFAULT_REMINDER_OFFSETS, type ReminderOffsets } from './reminder-offsets';

/**
 * Finds the reminders due on a date, for the daily sweep: each kind's own set-based query (../kinds, one
 * file per kind or family of kinds sharing their rows), the users looked up in one query at the end.
 * `stillDue` asks the reminder's kind to check it again when it is about to be sent.
 */
@Injectable()
export class ReminderFinder {
  readonly offsets: Readonly<ReminderOffsets> = DEFAULT_REMINDER_OFFSETS;

  constructor(
    private readonly kinds: ReminderKindRegistry,
    private readonly parameters: RuleParametersService,
    private readonly recipients: ReminderRecipients,
  ) {}

  async due(asOf: IsoDate): Promise<DueReminder[]> {
    const { params } = await this.parameters.current();
    const found = await Promise.all(this.kinds.sources().map((source) => source.find({ asOf, offsets: this.offsets, params })));
    const reminders = await this.recipients.resolve(found.flat());
    return reminders.sort((a, b) => (reminderKey(a) < reminderKey(b) ? -1 : reminderKey(a) > reminderKey(b) ? 1 : 0));
  }

  /** Checks one reminder again just before it is sent: has what it asks for already been done? */
  stillDue(r: ReminderIdentity, today: IsoDate): Promise<StillDue> {
    return this.kinds.source(r.kind).stillDue(r, today, this.offsets);
  }
}
