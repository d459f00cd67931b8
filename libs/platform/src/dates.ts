// Calendar dates as 'YYYY-MM-DD' strings. The Code speaks in days, not instants, so every
// computation goes through UTC midnight: daylight saving can never add or lose a day.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parts(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${String(date)}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function fromUtc(ms: number): IsoDate {
  // toISOString would print a six-digit signed year outside 0000-9999; the format cannot hold those.
  const iso = new Date(ms).toISOString();
  if (!ISO_DATE.test(iso.slice(0, 10))) throw new RangeError('Date outside the years 0000-9999');
  return iso.slice(0, 10);
}

function toUtc(date: IsoDate): number {
  const [year, month, day] = parts(date);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getTime();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Whole days only: ${days}`);
  return fromUtc(toUtc(date) + days * MS_PER_DAY);
}

/** `b - a` in whole days: positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / MS_PER_DAY);
}

/** Same day of the month n months on, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Whole months only: ${months}`);
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const clamped = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/** start <= date <= end, both ends included; a null end is still open. */
export function covers(start: IsoDate, end: IsoDate | null, date: IsoDate): boolean {
  return start <= date && (end === null || date <= end);
}

// Zero-padded ISO dates sort as strings, so comparison needs no parsing.
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((max, d) => (d > max ? d : max), first);
}

export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((min, d) => (d < min ? d : min), first);
}

// Building a DateTimeFormat loads time-zone data, which showed in profiles; one per zone is kept.
const calendars = new Map<string, Intl.DateTimeFormat>();

// The last answer per zone and the minute it is for: today's zones change date only on a whole minute, and
// formatToParts showed in the worker's profile (every job asks what day it is).
const lastAnswers = new Map<string, { minute: number; date: IsoDate }>();

/** The calendar date at `now` on the wall clocks of `timeZone` (e.g. 'Europe/London'). */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastAnswers.get(timeZone);
  if (last?.minute === minute) return last.date;
  const date = calendarDate(timeZone, now);
  lastAnswers.set(timeZone, { minute, date });
  return date;
}

function calendarDate(timeZone: string, now: Date): IsoDate {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendars.set(timeZone, calendar);
  }
  const fields = calendar.formatToParts(now);
  const field = (type: Intl.DateTimeFormatPartTypes): string => fields.find((p) => p.type === type)?.value ?? '';
  return `${field('year').padStart(4, '0')}-${field('month')}-${field('day')}`;
}
