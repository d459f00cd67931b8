// What a service reports for a year (DOMAIN.md, "Annual return and national snapshot"): counts and money
// only, never a child's details.
import { AGE_RANGES, type AgeRange } from '@npa/registry';

export const FUNDING_SOURCES = ['local_authority', 'charity', 'independent'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_LABELS: Record<FundingSource, string> = {
  local_authority: 'Local authority',
  charity: 'Charity',
  independent: 'Independent',
};

export { AGE_RANGES };
export type { AgeRange };

export interface ReturnFigures {
  referralsAccepted: number;
  childrenSupported: number;
  waitingList: number;
  ageRange: AgeRange;
  fundingSource: FundingSource;
  budgetCut: boolean;
  teamFte: number;
  /** Whole pounds a year. */
  annualCost: number;
}

/** The figures in the order the form, the CSV and the comparison with last year show them. */
export const FIGURE_LABELS: Record<keyof ReturnFigures, string> = {
  referralsAccepted: 'Referrals accepted',
  childrenSupported: 'Children supported',
  waitingList: 'Children on the waiting list at the year end',
  ageRange: 'Age range served',
  fundingSource: 'Main funding source',
  budgetCut: 'Budget cut in the last 12 months',
  teamFte: 'Team size (full-time equivalent)',
  annualCost: 'Annual cost (£)',
};

export const pickFigures = (row: ReturnFigures): ReturnFigures => ({
  referralsAccepted: row.referralsAccepted,
  childrenSupported: row.childrenSupported,
  waitingList: row.waitingList,
  ageRange: row.ageRange,
  fundingSource: row.fundingSource,
  budgetCut: row.budgetCut,
  teamFte: Number(row.teamFte),
  annualCost: row.annualCost,
});
