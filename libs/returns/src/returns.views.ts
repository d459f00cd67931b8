import type { IsoDate } from '@npa/platform';
import type { YearSettings } from './return-years.service';
import type { ReturnFigures } from './rules/figures';
import type { ReportingYear } from './rules/reporting-year';

/**
 * Where a service's return for a year stands: not open yet (the year has not ended), due, overdue (past
 * the due date, the year still open), missing (the year closed without it), filed, or filed after the due date.
 */
export type ReturnState = 'not_open' | 'due' | 'overdue' | 'missing' | 'filed' | 'filed_late';

export function returnState(filedOn: IsoDate | null, year: Pick<YearSettings, 'opensOn' | 'dueOn' | 'closed'>, today: IsoDate): ReturnState {
  if (filedOn) return filedOn > year.dueOn ? 'filed_late' : 'filed';
  if (today < year.opensOn) return 'not_open';
  if (year.closed) return 'missing';
  return today > year.dueOn ? 'overdue' : 'due';
}

export const isFiled = (state: ReturnState) => state === 'filed' || state === 'filed_late';

export interface ReturnView {
  serviceId: string;
  serviceName: string;
  year: YearSettings;
  state: ReturnState;
  /** False once the year is closed, before it has ended, or for a service registered after it. */
  canFile: boolean;
  /** When it cannot be filed, why, in the words a filing would be refused with. */
  blockedBecause: string | null;
  figures: ReturnFigures | null;
  revision: number;
  filedAt: string | null;
  updatedAt: string | null;
  lastYear: { year: ReportingYear; figures: ReturnFigures } | null;
  history: { revision: number; filedByName: string; filedAt: string; figures: ReturnFigures }[];
}
