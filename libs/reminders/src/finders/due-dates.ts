// When each reminder falls due, from plain dates. Nothing here reads a clock or a database: the finder
// narrows candidates in SQL and lets these functions decide. Every function answers for one `asOf`:
// the due date to send under today, or null. The catch-up rule lets a sweep that missed days still send
// what fell due while it was down, but never reminders whose date is long past (a new install must not
// send a year of them).
import { addDays, daysBetween, maxDate, type IsoDate } from '@npa/platform';
import type { RenewalKind, ReminderOffsets } from './reminder-offsets';

/** dueOn when dueOn <= asOf <= lastDay, else null. */
export function dueWithin(dueOn: IsoDate, asOf: IsoDate, lastDay: IsoDate): IsoDate | null {
  return dueOn <= asOf && asOf <= lastDay ? dueOn : null;
}

/** The default catch-up rule: due from dueOn until catchUpDays after it. */
export function dueWithCatchUp(dueOn: IsoDate, asOf: IsoDate, offsets: Pick<ReminderOffsets, 'catchUpDays'>): IsoDate | null {
  return dueWithin(dueOn, asOf, addDays(dueOn, offsets.catchUpDays));
}

/** The renewal reminders of an award, earliest first. */
export function renewalDueDates(award: { expiresOn: IsoDate }, offsets: Pick<ReminderOffsets, 'renewalDaysBefore'>): { kind: RenewalKind; dueOn: IsoDate }[] {
  return (Object.entries(offsets.renewalDaysBefore) as [RenewalKind, number][])
    .sort(([, a], [, b]) => b - a)
    .map(([kind, days]) => ({ kind, dueOn: addDays(award.expiresOn, -days) }));
}

/**
 * The renewal reminder due on asOf, if any. A missed one catches up until the next one falls due (so a
 * new install sends only the nearest), and none is sent once the award has expired. The caller checks
 * that the award has not been renewed.
 */
export function renewalDue(
  award: { expiresOn: IsoDate },
  asOf: IsoDate,
  offsets: Pick<ReminderOffsets, 'renewalDaysBefore'>,
): { kind: RenewalKind; dueOn: IsoDate } | null {
  const dates = renewalDueDates(award, offsets);
  const index = dates.findIndex((d, i) => dueWithin(d.dueOn, asOf, i + 1 < dates.length ? addDays(dates[i + 1].dueOn, -1) : award.expiresOn));
  return index < 0 ? null : dates[index];
}

/** Award expired: the day after expiresOn, once. */
export function expiredDue(award: { expiresOn: IsoDate }, asOf: IsoDate, offsets: Pick<ReminderOffsets, 'expiredDaysAfter' | 'catchUpDays'>): IsoDate | null {
  return dueWithCatchUp(addDays(award.expiresOn, offsets.expiredDaysAfter), asOf, offsets);
}

/** Membership expiring: 30 days before its end date; never after it has ended. */
export function membershipExpiringDue(
  membership: { endDate: IsoDate },
  asOf: IsoDate,
  offsets: Pick<ReminderOffsets, 'membershipExpiringDaysBefore' | 'catchUpDays'>,
): IsoDate | null {
  return asOf > membership.endDate ? null : dueWithCatchUp(addDays(membership.endDate, -offsets.membershipExpiringDaysBefore), asOf, offsets);
}

export interface SupervisionReminder {
  kind: 'supervision-due' | 'supervision-overdue';
  dueOn: IsoDate;
  /** The session (or start date) the reminder counts from. */
  since: IsoDate;
}

/**
 * Supervision due at 10 days since the last session (or the start date, when there is none or it is
 * older than the start), overdue at 15 (past the Code's 14). Once overdue falls due it replaces "due", so
 * a sweep that missed days does not send both.
 */
export function supervisionDue(
  lastSession: IsoDate | null,
  startDate: IsoDate,
  asOf: IsoDate,
  offsets: Pick<ReminderOffsets, 'supervisionDueDays' | 'supervisionOverdueDays' | 'catchUpDays'>,
): SupervisionReminder | null {
  const since = lastSession ? maxDate(lastSession, startDate) : startDate;
  const overdueOn = addDays(since, offsets.supervisionOverdueDays);
  const overdue = dueWithCatchUp(overdueOn, asOf, offsets);
  if (overdue) return { kind: 'supervision-overdue', dueOn: overdue, since };
  const due = dueWithin(
    addDays(since, offsets.supervisionDueDays),
    asOf,
    minDay(addDays(since, offsets.supervisionDueDays + offsets.catchUpDays), addDays(overdueOn, -1)),
  );
  return due ? { kind: 'supervision-due', dueOn: due, since } : null;
}

const minDay = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** The reminder's "since" date back from its due date: what a session must come after to stop it. */
export function supervisionSince(
  kind: SupervisionReminder['kind'],
  dueOn: IsoDate,
  offsets: Pick<ReminderOffsets, 'supervisionDueDays' | 'supervisionOverdueDays'>,
): IsoDate {
  return addDays(dueOn, -(kind === 'supervision-due' ? offsets.supervisionDueDays : offsets.supervisionOverdueDays));
}

/**
 * Induction overdue: on startDate + inductionDays, the first day after the induction period (days 0 to
 * inductionDays - 1), unless the checklist was completed by asOf.
 */
export function inductionOverdueDue(
  startDate: IsoDate,
  completedOn: IsoDate | null,
  inductionDays: number,
  asOf: IsoDate,
  offsets: Pick<ReminderOffsets, 'catchUpDays'>,
): IsoDate | null {
  if (completedOn !== null && completedOn <= asOf) return null;
  return dueWithCatchUp(addDays(startDate, inductionDays), asOf, offsets);
}

const isWeekday = (date: IsoDate) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

/**
 * The date n working days after `date` (Monday to Friday; `date` itself is not counted). Bank holidays
 * are not known to the system and count as working days.
 */
export function workingDaysAfter(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Whole working days only: ${n}`);
  let day = date;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWeekday(day)) left--;
  }
  return day;
}

/** The first reminder for an application submitted on `submittedOn`, then one each week after it. */
export function awaitingReviewDueDates(submittedOn: IsoDate, offsets: Pick<ReminderOffsets, 'awaitingReviewWorkingDays' | 'awaitingReviewRepeatDays'>) {
  const first = workingDaysAfter(submittedOn, offsets.awaitingReviewWorkingDays);
  return {
    first,
    /** Whether dueOn is one of the series. */
    includes: (dueOn: IsoDate) => dueOn >= first && daysBetween(first, dueOn) % offsets.awaitingReviewRepeatDays === 0,
  };
}

/** The latest reminder of the weekly series on or before asOf (which is always within a week of it). */
export function awaitingReviewDue(
  submittedOn: IsoDate,
  asOf: IsoDate,
  offsets: Pick<ReminderOffsets, 'awaitingReviewWorkingDays' | 'awaitingReviewRepeatDays'>,
): IsoDate | null {
  const { first } = awaitingReviewDueDates(submittedOn, offsets);
  if (asOf < first) return null;
  const weeks = Math.floor(daysBetween(first, asOf) / offsets.awaitingReviewRepeatDays);
  return addDays(first, weeks * offsets.awaitingReviewRepeatDays);
}

/** Information requested, no answer: 14 days after the latest request, once. */
export function informationRequestedDue(
  requestedOn: IsoDate,
  asOf: IsoDate,
  offsets: Pick<ReminderOffsets, 'informationRequestedDays' | 'catchUpDays'>,
): IsoDate | null {
  return dueWithCatchUp(addDays(requestedOn, offsets.informationRequestedDays), asOf, offsets);
}
