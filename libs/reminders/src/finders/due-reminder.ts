import type { IsoDate } from '@npa/platform';

export type ReminderSubjectKind = 'setting' | 'service' | 'membership' | 'person' | 'application' | 'award';

export interface ReminderRecipient {
  email: string;
  name: string;
  /** Copied (Cc) rather than addressed: NPA reviewers on a lapse notice. */
  copy?: boolean;
}

/** A reminder the sweep should send on its date. (kind, subjectKind, subjectId, dueOn) is its identity. */
export interface DueReminder {
  /** One of the kinds declared in ../kinds. */
  kind: string;
  subjectKind: ReminderSubjectKind;
  subjectId: string;
  dueOn: IsoDate;
  /** Where it is listed: GET /services/{id}/reminders or /settings/{id}/reminders; null for neither. */
  organisation: { kind: 'service' | 'setting'; id: string } | null;
  /** Empty when nobody can be found; the caller records the reminder as failed with that reason. */
  recipients: ReminderRecipient[];
  /** What the email needs: names, dates and what to do. */
  facts: Record<string, unknown>;
  /** The rule parameters version whose offsets found it; its re-check before sending uses the same. */
  parameterVersion: number;
}

export type ReminderIdentity = Pick<DueReminder, 'kind' | 'subjectKind' | 'subjectId' | 'dueOn'>;

/** A recorded reminder as re-checked: its version is null for one recorded before versions were kept. */
export type RecordedReminder = ReminderIdentity & { parameterVersion?: number | null };

/** The deterministic key, also fit for a BullMQ jobId: `award-renewal-30:award:<id>:2026-05-01`. */
export const reminderKey = (r: Pick<ReminderIdentity, 'kind' | 'subjectId' | 'dueOn'> & { subjectKind: string }): string =>
  `${r.kind}:${r.subjectKind}:${r.subjectId}:${r.dueOn}`;

export type StillDue = { due: true } | { due: false; reason: string };
