// What a slice declares for each letter kind it sends. It lives in platform, the lowest layer, so every
// slice (training too, which sits below letters) declares its own kinds; the letters lib collects them
// (LetterKindsModule) and refuses to boot on a duplicate kind or one without a title, sample or template.

/**
 * The data each letter kind carries, one key per kind. Empty here: each slice adds its kinds by module
 * augmentation, beside its declaration (`declare module '@npa/platform' { interface LetterDataByKind {
 * award: AwardData } }`), so a request's data is checked against its kind without a central list.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LetterDataByKind {}

export type LetterKind = Extract<keyof LetterDataByKind, string>;
export type LetterData<K extends LetterKind = LetterKind> = LetterDataByKind[K];

/** Whom a letter is addressed to, as printed at its head. */
export interface Recipient {
  name: string;
  organisation?: string;
  addressLines: string[];
}

export interface LetterKindDeclaration<K extends LetterKind = LetterKind> {
  kind: K;
  /** Shown in the letter's <title> and as the email's subject, before subjectName. */
  title: string;
  /** Whom or what the letter is about, for the email subject. */
  subjectName(data: LetterData<K>): string;
  /** False for a letter sent as the email's own body and never printed to PDF. Printed when left out. */
  printed?: boolean;
  /** Realistic data for previews and tests: staff and organisations only, never a child or a family. */
  sample: LetterData<K>;
  /** Whom the sample is addressed to. */
  sampleRecipient: Recipient;
}

/** A declaration whose data type flows from its kind; the template is libs/letters/templates/<kind>.hbs. */
export const defineLetterKind = <K extends LetterKind>(declaration: LetterKindDeclaration<K>): LetterKindDeclaration<K> => declaration;
