// Every slice's letter kinds, the one list each app registers (LetterKindsModule.register): a slice that
// sends letters adds its constant here once; its kinds, titles, samples and data types stay in the slice.
import { APPROVAL_LETTER_KINDS } from '@npa/approval';
import { COMPLIANCE_LETTER_KINDS } from '@npa/compliance';
import { REMINDER_LETTER_KINDS } from '@npa/reminders';
import { RETURNS_LETTER_KINDS } from '@npa/returns';
import { TRAINING_LETTER_KINDS } from '@npa/training';

export const LETTER_KIND_DECLARATIONS = [
  ...COMPLIANCE_LETTER_KINDS,
  ...APPROVAL_LETTER_KINDS,
  ...TRAINING_LETTER_KINDS,
  ...REMINDER_LETTER_KINDS,
  ...RETURNS_LETTER_KINDS,
];
