// When the annual return reminders fall due (the kinds themselves: ../kinds/annual-return.kind.ts).
import { addDays, type IsoDate } from '@npa/platform';
import type { ReportingYear } from '@npa/returns';
import { dueWithCatchUp, dueWithin } from './due-dates';
import type { ReminderOffsets } from './reminder-offsets';

export type ReturnReminderKind = 'return-window-open' | 'return-due-soon' | 'return-overdue';

/**
 * The return reminder due on asOf for a year, if any. Opening catches up until "due soon" falls due and
 * "due soon" until the due date, so a sweep that missed days sends the nearest one only; "overdue"
 * catches up for the usual 14 days.
 */
export function returnReminderDue(
  year: Pick<ReportingYear, 'opensOn'> & { dueOn: IsoDate },
  asOf: IsoDate,
  offsets: Pick<ReminderOffsets, 'returnDueSoonDaysBefore' | 'catchUpDays'>,
): { kind: ReturnReminderKind; dueOn: IsoDate } | null {
  const soon = addDays(year.dueOn, -offsets.returnDueSoonDaysBefore);
  const hasSoon = soon > year.opensOn;
  const overdue = addDays(year.dueOn, 1);
  const open = dueWithin(year.opensOn, asOf, hasSoon ? addDays(soon, -1) : year.dueOn);
  if (open) return { kind: 'return-window-open', dueOn: open };
  const dueSoon = hasSoon ? dueWithin(soon, asOf, year.dueOn) : null;
  if (dueSoon) return { kind: 'return-due-soon', dueOn: dueSoon };
  const late = dueWithCatchUp(overdue, asOf, offsets);
  return late ? { kind: 'return-overdue', dueOn: late } : null;
}
