// Every letter kind, as the apps register them, for specs and benches that loop over every kind with its
// sample (the declarations and samples live in the slices; this only collects them).
import { type LetterKind, LetterKinds } from '@npa/letters';
import { LETTER_KIND_DECLARATIONS } from '../../apps/letter-kinds';

export const ALL_LETTER_KINDS = new LetterKinds(LETTER_KIND_DECLARATIONS);
export const LETTER_KINDS: readonly LetterKind[] = ALL_LETTER_KINDS.kinds();
export const sampleData = <K extends LetterKind>(kind: K) => ALL_LETTER_KINDS.sampleData(kind);
export const sampleMeta = (kind: LetterKind) => ALL_LETTER_KINDS.sampleMeta(kind);
