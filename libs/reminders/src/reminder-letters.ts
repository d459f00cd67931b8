// The letter a reminder is sent as: its kind's title, who or what it is about, and what to do by when,
// all from the facts the sweep found, so the letter says what was true when the reminder fell due. The
// kind reads its own typed facts (../kinds): a renamed fact fails to compile there, never here.
import type { IsoDate } from '@npa/platform';
import type { LetterRequest } from '@npa/letters';
import type { ReminderKindRegistry } from './kinds/reminder-kind.registry';
import type { Reminder } from './reminder.entity';

/** What a letter needs of the registry: the kind's letter and title. */
type Kinds = Pick<ReminderKindRegistry, 'source' | 'info'>;

/** What a letter reads of a reminder: all but its times (the sweep letters a reminder as it records it). */
export type LetteredReminder = Omit<Reminder, 'sentAt' | 'createdAt'>;

/** The letter a due reminder is sent as: its kind's signed notice where it has one, else the reminder email. */
export function reminderLetter(reminder: LetteredReminder, letterDate: IsoDate, kinds: Kinds): LetterRequest {
  const source = kinds.source(reminder.kind);
  return source.notice ? signedNotice(reminder, letterDate, kinds) : reminderEmail(reminder, letterDate, kinds);
}

/** A signed notice (the lapse notice) under the reminder's once-only key, addressed to the first recipient. */
export function signedNotice(reminder: LetteredReminder, letterDate: IsoDate, kinds: Kinds): LetterRequest {
  const source = kinds.source(reminder.kind);
  const { about, personId } = source.letter(reminder.facts, reminder.kind);
  const { kind, data } = source.notice!(reminder.facts, { dueOn: reminder.dueOn });
  const addressed = reminder.recipients.find((r) => !r.copy) ?? reminder.recipients[0];
  return {
    kind,
    subjectKind: reminder.organisationKind ?? 'person',
    subjectId: reminder.organisationId ?? personId ?? reminder.subjectId,
    subjectName: about,
    dedupeKey: `reminder.${reminder.id}`,
    letterDate,
    data,
    addressee: { name: addressed?.name ?? about, organisation: about === addressed?.name ? undefined : about, addressLines: [] },
    recipients: reminder.recipients,
    reminderId: reminder.id,
    parameterVersion: reminder.parameterVersion,
  };
}

export function reminderEmail(reminder: LetteredReminder, letterDate: IsoDate, kinds: Kinds): LetterRequest<'reminder'> {
  const { about, actBy, request, whatToDo, personId, heading } = kinds.source(reminder.kind).letter(reminder.facts, reminder.kind);
  return {
    kind: 'reminder',
    // Kept on the record of the service or setting it is listed under, else of the person it is about.
    subjectKind: reminder.organisationKind ?? 'person',
    subjectId: reminder.organisationId ?? personId ?? reminder.subjectId,
    subjectName: about,
    dedupeKey: `reminder.${reminder.id}`,
    letterDate,
    data: {
      heading: heading ?? kinds.info(reminder.kind).title,
      about,
      paragraphs: [...(request ? [`The reviewer asked: “${request}”`] : []), ...(whatToDo ? [whatToDo] : [])],
      dueOn: reminder.dueOn,
      ...(actBy ? { actBy } : {}),
    },
    addressee: { name: reminder.recipients[0]?.name ?? about, organisation: about === reminder.recipients[0]?.name ? undefined : about, addressLines: [] },
    recipients: reminder.recipients,
    reminderId: reminder.id,
    parameterVersion: reminder.parameterVersion,
  };
}
