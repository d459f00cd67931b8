// What one reminder kind (or a family of kinds found by one query) contributes: its names, recipients
// and titles, the finder query, the re-check before sending, and the letter read from its own typed
// facts. A kind is a provider marked @ReminderKinds(); the registry finds it at boot, as @OnJob is found.
import { SetMetadata } from '@nestjs/common';
import type { RuleParams } from '@npa/compliance';
import type { IsoDate, LetterData, LetterKind } from '@npa/platform';
import type { ReminderIdentity, ReminderRecipient, StillDue } from '../finders/due-reminder';
import type { RecipientGroup, ReminderOffsets } from '../finders/reminder-offsets';

export const REMINDER_KINDS = 'npa:reminder-kinds';

/** Marks a provider as the home of one or more reminder kinds; the registry finds it at boot. */
export const ReminderKinds = () => SetMetadata(REMINDER_KINDS, true);

export interface ReminderKindInfo {
  kind: string;
  to: readonly RecipientGroup[];
  /** Those of `to` who are copied (Cc) rather than addressed. */
  copy?: readonly RecipientGroup[];
  title: string;
}

/** What a finder runs with: the sweep's date, the offsets, and the rule parameters in force. */
export interface FinderContext {
  asOf: IsoDate;
  offsets: Readonly<ReminderOffsets>;
  params: RuleParams;
}

/** A reminder found by a finder query, before its users are looked up; F is the kind's typed facts. */
export interface FoundReminder<F extends object = object> extends Omit<ReminderIdentity, 'kind'> {
  kind: string;
  /** Where it is listed: GET /services/{id}/reminders or /settings/{id}/reminders; null for neither. */
  organisation: { kind: 'service' | 'setting'; id: string } | null;
  /** Services whose managers receive it (for kinds addressed to service_managers). */
  serviceIds?: string[];
  /** People from the register it goes to: the member, the supervisor. */
  people?: ReminderRecipient[];
  facts: F;
}

/** What a reminder's letter says, read from the kind's own facts (never by guessing key names). */
export interface ReminderLetterFacts {
  /** The organisation or person it is about. */
  about: string;
  /** The date to act by; left out where it has already passed. */
  actBy?: IsoDate;
  /** The reviewer's words, quoted before what to do. */
  request?: string | null;
  whatToDo: string;
  /** Whose record the letter is kept on when the reminder is listed under no organisation. */
  personId?: string;
  /** In place of the kind's title, where the title names days that an admin may since have changed. */
  heading?: string;
}

export interface ReminderKindSource<F extends object = object> {
  readonly kinds: readonly ReminderKindInfo[];
  /** The reminders of these kinds due on ctx.asOf: one set-based query for the family. */
  find(ctx: FinderContext): Promise<FoundReminder<F>[]>;
  /** Checks one reminder again just before it is sent: has what it asks for already been done? */
  stillDue(reminder: ReminderIdentity, today: IsoDate, offsets: Readonly<ReminderOffsets>): Promise<StillDue>;
  /**
   * Several of its reminders checked in one query, for a kind sent in numbers (the mail job checks its
   * emails ten at a time); `stillDue` is then this for one. Without it they are checked one by one.
   */
  stillDueAll?(reminders: readonly ReminderIdentity[], today: IsoDate, offsets: Readonly<ReminderOffsets>): Promise<StillDue[]>;
  letter(facts: F, kind: string): ReminderLetterFacts;
  /**
   * For an event the NPA answers with a signed letter rather than a reminder email (the lapse notice):
   * that letter, sent instead of the reminder's email, under the same once-only key and re-checks.
   */
  notice?(facts: F, reminder: { dueOn: IsoDate }): SignedNotice;
}

/** A signed letter of any declared kind, with data of that kind. */
export type SignedNotice = { [K in LetterKind]: { kind: K; data: LetterData<K> } }[LetterKind];

export const notDue = (reason: string): StillDue => ({ due: false, reason });
export const DUE: StillDue = { due: true };
