import type { IsoDate } from '@npa/platform';
import type { LetterData, LetterKind, Recipient, Signatory } from './letter-kinds';
import type { LetterSubjectKind } from './letter.entity';

export interface MailRecipient {
  email: string;
  name: string;
  /** Copied rather than addressed (Cc): NPA reviewers on a notice to a setting. */
  copy?: boolean;
}

/** What a producer (a decision, the sweep, a member of staff) asks for; the letters module does the rest. */
export interface LetterRequest<K extends LetterKind = LetterKind> {
  /**
   * The new letter's id, for an asker that records it on its own row before asking (the sweep writes a
   * reminder's letter id as it inserts the reminder); made here when absent. Not used when the dedupe key
   * is already taken: requestMany's answer says which letters were made with which ids.
   */
  id?: string;
  kind: K;
  subjectKind: LetterSubjectKind;
  subjectId: string;
  subjectName: string;
  /** The same key twice is the same letter (a retried decision, a second sweep). */
  dedupeKey: string;
  letterDate: IsoDate;
  data: LetterData<K>;
  /** The address block. */
  addressee: Recipient;
  /** Who it is emailed to; none keeps it on file only. */
  recipients: MailRecipient[];
  signatory?: Signatory;
  reminderId?: string | null;
  /** The rule parameters version whose periods or offsets the letter rests on, when it rests on any. */
  parameterVersion?: number | null;
  createdBy?: string | null;
}

/** Letters the office sends in its own name are signed by the team, not a person. */
export const NPA_SIGNATORY: Signatory = { name: 'The Registration Team', role: 'Registration and Approvals' };

/** The data kept with a letter: its body and everything around it, frozen when it was asked for. */
export interface LetterSnapshot<K extends LetterKind = LetterKind> {
  body: LetterData<K>;
  meta: { letterDate: IsoDate; verificationCode: string; recipient: Recipient; signatory: Signatory };
}
