// Calendar dates as 'YYYY-MM-DD' strings. The Code speaks in days, not instants, so every
// computation goes through UTC midnight: daylight saving can never add or lose a day.

export type IsoDate = string;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Proleptic Gregorian, as the format's years 0000-9999 are.
function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1];
}

/** The number the characters from..to spell in ASCII digits, or -1. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return !Number.isNaN(dayOrNaN(value));
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const format = (year: number, month: number, day: number): IsoDate => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

// Days since 1970-01-01 and back, by the civil-calendar algorithms of H. Hinnant (public domain):
// whole days throughout, so daylight saving can never add or lose one.
function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

/**
 * The day number of a real calendar date, NaN for anything else. Read by hand, not by a regular
 * expression and Date objects: the rules do date arithmetic on every session and post they weigh, and
 * parsing was a tenth of a computed answer's CPU. Straight into numbers, not an array of parts: the
 * sweep's arrays of parts, and the iterators that took them apart, were a twentieth of all it
 * allocated (README, Benchmarks).
 */
function dayOrNaN(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? civilDay(year, month, day) : NaN;
}

function toDay(date: IsoDate): number {
  const day = dayOrNaN(date);
  if (Number.isNaN(day)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${String(date)}`);
  return day;
}

function fromDay(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError('Date outside the years 0000-9999');
  return format(year, month, dayOfYear - Math.floor((153 * mp + 2) / 5) + 1);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Whole days only: ${days}`);
  return fromDay(toDay(date) + days);
}

/** `b - a` in whole days: positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDay(b) - toDay(a);
}

/** Same day of the month n months on, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Whole months only: ${months}`);
  toDay(date); // a real date, or it throws
  const index = digits(date, 0, 4) * 12 + (digits(date, 5, 7) - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format(targetYear, targetMonth, Math.min(digits(date, 8, 10), daysInMonth(targetYear, targetMonth)));
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
