// What every letter carries besides its kind's own facts. The kinds themselves (title, data type,
// sample) are declared by the slices that send them (defineLetterKind, in @npa/platform) and collected
// by LetterKindsModule; the data is a snapshot taken when the letter is composed, so a letter
// re-rendered later says exactly what it said the first time.
import type { IsoDate, Recipient } from '@npa/platform';

export type { LetterData, LetterDataByKind, LetterKind, LetterKindDeclaration, Recipient } from '@npa/platform';

/** Who the letter is to, when, who signs, how to verify it. */
export interface LetterMeta {
  letterDate: IsoDate;
  /** Printed in the footer; anyone holding the paper checks it at <verifyBaseUrl>/letters/verify/<code>. */
  verificationCode: string;
  recipient: Recipient;
  signatory: Signatory;
}

export interface Signatory {
  name: string;
  role: string;
}
