import { covers, daysBetween, type IsoDate } from '@npa/platform';

export interface Period {
  accreditedFrom: IsoDate;
  accreditedTo: IsoDate;
}

/** Accredited on a day: some period holds it. */
export function isAccreditedOn(periods: readonly Period[], date: IsoDate): boolean {
  return periods.some((p) => covers(p.accreditedFrom, p.accreditedTo, date));
}

/**
 * Accredited for a workshop: one period holds its first and its last day. Two periods with a gap
 * between do not, and neither do two that merely touch (the same reading as the compliance rules).
 */
export function isAccreditedFor(periods: readonly Period[], startDate: IsoDate, endDate: IsoDate): boolean {
  return periods.some((p) => covers(p.accreditedFrom, p.accreditedTo, startDate) && covers(p.accreditedFrom, p.accreditedTo, endDate));
}

/** API.md refuses an outcome "before the workshop's last day": the last day itself is allowed. */
export function canRecordOutcome(today: IsoDate, workshop: { endDate: IsoDate }): boolean {
  return today >= workshop.endDate;
}

/**
 * A workshop a trainer schedules more than `maxDaysBack` days in the past, with its completions to be
 * recorded at once, waits for NPA staff to confirm it happened before those completions count. Staff
 * scheduling one vouch for it themselves.
 */
export function needsConfirmation(workshop: { startDate: IsoDate }, scheduledOn: IsoDate, maxDaysBack: number, byStaff: boolean): boolean {
  return !byStaff && daysBetween(workshop.startDate, scheduledOn) > maxDaysBack;
}

export function hasPlaceFor(attendees: number, capacity: number): boolean {
  return attendees < capacity;
}

/** The rows no other row supersedes: for each attendee, what their record says now. */
export function currentOutcomes<T extends { id: string; supersedesId: string | null }>(rows: readonly T[]): T[] {
  const superseded = new Set(rows.map((r) => r.supersedesId).filter((id) => id !== null));
  return rows.filter((r) => !superseded.has(r.id));
}

// Certificates and letters share one code shape, so one verification page reads both.
export { newVerificationCode as newCertificateCode, normaliseVerificationCode as normaliseCertificateCode } from '@npa/platform';
