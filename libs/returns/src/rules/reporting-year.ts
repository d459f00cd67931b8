// The NPA's reporting year runs from 1 April to 31 March. A year is named by the calendar year it starts
// in ("2024/25" is 2024), its return can be filed from the day after it ends, and the NPA sets a due date
// (by default the end of June) and later closes the year, after which its returns no longer change.
import { addDays, type IsoDate } from '@npa/platform';

export interface ReportingYear {
  /** The calendar year the reporting year starts in: 2024 for 2024/25. */
  startYear: number;
  /** "2024/25", as the NPA writes it. */
  label: string;
  /** "2024-25", for paths and file names. */
  slug: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** The first day a return for the year can be filed: the day after it ends. */
  opensOn: IsoDate;
}

const SLUG = /^(\d{4})-(\d{2})$/;

export function reportingYear(startYear: number): ReportingYear {
  const next = String((startYear + 1) % 100).padStart(2, '0');
  return {
    startYear,
    label: `${startYear}/${next}`,
    slug: `${startYear}-${next}`,
    startsOn: `${startYear}-04-01`,
    endsOn: `${startYear + 1}-03-31`,
    opensOn: `${startYear + 1}-04-01`,
  };
}

/** The reporting year a date falls in: 2025-03-31 is in 2024/25, 2025-04-01 in 2025/26. */
export function yearOf(date: IsoDate): ReportingYear {
  const year = Number(date.slice(0, 4));
  return reportingYear(date.slice(5) >= '04-01' ? year : year - 1);
}

/** The latest year whose return can be filed on a date: the year before the one the date is in. */
export function latestFilingYear(date: IsoDate): ReportingYear {
  return reportingYear(yearOf(date).startYear - 1);
}

/** "2024-25" or "2024" -> 2024; anything else (or "2024-26") -> null. */
export function parseYear(value: string): ReportingYear | null {
  const slug = SLUG.exec(value);
  const startYear = slug ? Number(slug[1]) : /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(startYear) || startYear < 2000 || startYear > 2999) return null;
  if (slug && Number(slug[2]) !== (startYear + 1) % 100) return null;
  return reportingYear(startYear);
}

/** The due date the NPA sets when it has not chosen one: three months after the year ends. */
export const defaultDueOn = (year: ReportingYear): IsoDate => addDays(year.opensOn, 90);
