// The letter a reminder is sent as: its kind's title, who or what it is about, and what to do by when,
// all from the facts the sweep found, so the letter says what was true when the reminder fell due.
import type { IsoDate } from '@npa/platform';
import type { LetterRequest } from '@npa/letters';
import type { Reminder } from './reminder.entity';
import { reminderKind, type ReminderKind } from './finders/reminder-kinds';

const ABOUT = ['settingName', 'practitionerName', 'memberName', 'serviceName'] as const;
const ACT_BY = ['mustPutRightBy', 'awardExpiresOn', 'membershipEndsOn', 'returnDueOn'] as const;
// These say what has already passed: an "act by" date in the past would read as a mistake.
const NO_ACT_BY = ['award-expired', 'return-overdue'];

export function reminderLetter(reminder: Reminder, letterDate: IsoDate): LetterRequest<'reminder'> {
  const facts = reminder.facts;
  const text = (key: string) => (typeof facts[key] === 'string' ? facts[key] : undefined);
  const about = ABOUT.map(text).find(Boolean) ?? 'The National Portage Association';
  const actBy = NO_ACT_BY.includes(reminder.kind) ? undefined : ACT_BY.map(text).find(Boolean);
  const whatToDo = text('whatToDo');
  const request = text('request');
  return {
    kind: 'reminder',
    // Kept on the record of the service or setting it is listed under, else of the person it is about.
    subjectKind: reminder.organisationKind ?? 'person',
    subjectId: reminder.organisationId ?? text('personId') ?? reminder.subjectId,
    subjectName: about,
    dedupeKey: `reminder.${reminder.id}`,
    letterDate,
    data: {
      heading: reminderKind(reminder.kind as ReminderKind).title,
      about,
      paragraphs: [...(request ? [`The reviewer asked: “${request}”`] : []), ...(whatToDo ? [whatToDo] : [])],
      dueOn: reminder.dueOn,
      ...(actBy ? { actBy } : {}),
    },
    addressee: { name: reminder.recipients[0]?.name ?? about, organisation: about === reminder.recipients[0]?.name ? undefined : about, addressLines: [] },
    recipients: reminder.recipients,
    reminderId: reminder.id,
  };
}
