// The letter a reminder is sent as. A reminder is "sent as email" (DOMAIN.md): kept as HTML and sent
// as the email's own body, never printed.
import { defineLetterKind, type IsoDate } from '@npa/platform';

/** A reminder found by the daily sweep (renewal due, membership expiring, supervision due...). */
export interface ReminderData {
  /** The reminder's own heading, e.g. "Your Stamp of Approval expires in 30 days". */
  heading: string;
  /** The organisation or person it is about, for the subject line and the letter. */
  about: string;
  paragraphs: string[];
  dueOn: IsoDate;
  actBy?: IsoDate;
}

declare module '@npa/platform' {
  interface LetterDataByKind {
    reminder: ReminderData;
  }
}

export const REMINDER_LETTER_KINDS = [
  defineLetterKind({
    kind: 'reminder',
    title: 'Reminder',
    subjectName: (data) => data.about,
    printed: false,
    sample: {
      heading: 'Your Stamp of Approval expires in 30 days',
      about: 'Little Acorns Nursery',
      paragraphs: [
        'The Stamp of Approval awarded to Little Acorns Nursery runs until 1 March 2027.',
        'To keep it without a gap, open a renewal application on the NPA back-office, complete each criterion with a statement and evidence, and submit it.',
      ],
      dueOn: '2027-01-30',
      actBy: '2027-03-01',
    },
    sampleRecipient: { name: 'Rebecca Hale', organisation: 'Little Acorns Day Nursery', addressLines: ['3 Orchard Road', 'Bridgewater', 'NS3 9PL'] },
  }),
];
