// The slips a return is checked for beyond the shape of each field (which the DTO refuses): figures that
// cannot all be true at once. Each problem names its field and says what to look at, because a manager
// who typed a caseload into the wrong box should see why, not just "invalid".
import type { ProblemDetail } from '@npa/platform';
import type { ReturnFigures } from './figures';

/** Where the children a service supports can come from besides this year's referrals. */
export interface CarriedIn {
  children: number;
  /** In words, for the message: "children supported in 2024/25" or "the team's caseload on 1 April 2025". */
  source: string;
}

export function checkReturn(figures: ReturnFigures, carriedIn: CarriedIn): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const bound = figures.referralsAccepted + carriedIn.children;
  if (figures.childrenSupported > bound) {
    problems.push({
      field: 'childrenSupported',
      problem: `is ${figures.childrenSupported}, more than the ${figures.referralsAccepted} referrals accepted this year plus the ${carriedIn.children} ${carriedIn.source} (${bound}): check both figures`,
    });
  }
  if (figures.childrenSupported > 0 && figures.teamFte > 0 && figures.annualCost / figures.childrenSupported < 100) {
    problems.push({
      field: 'annualCost',
      problem: `works out at £${Math.floor(figures.annualCost / figures.childrenSupported)} per child: enter the service's whole annual cost in pounds, not thousands`,
    });
  }
  return problems;
}
