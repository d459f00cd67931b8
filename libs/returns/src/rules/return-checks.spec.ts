import type { ReturnFigures } from './figures';
import { checkReturn } from './return-checks';

const base: ReturnFigures = {
  referralsAccepted: 120,
  childrenSupported: 140,
  waitingList: 12,
  ageRange: '0-5',
  fundingSource: 'local_authority',
  budgetCut: false,
  teamFte: 4.5,
  annualCost: 250_000,
};
const lastYear = { children: 60, source: 'children supported in 2024/25' };

describe('checkReturn', () => {
  it.each<[string, Partial<ReturnFigures>, { children: number; source: string }, string[]]>([
    ['a plausible return', {}, lastYear, []],
    ['children exactly referrals plus last year', { childrenSupported: 180 }, lastYear, []],
    ['children more than referrals plus last year', { childrenSupported: 181 }, lastYear, ['childrenSupported']],
    [
      'no carried-in children and more children than referrals',
      { childrenSupported: 121 },
      { children: 0, source: "children on the team's caseload on 1 April 2025" },
      ['childrenSupported'],
    ],
    ['cost entered in thousands', { annualCost: 250 }, lastYear, ['annualCost']],
    ['cost just above £100 a child', { annualCost: 14_000 }, lastYear, []],
    ['no children supported, any cost', { childrenSupported: 0, annualCost: 50 }, lastYear, []],
  ])('%s', (_, change, carried, fields) => {
    expect(checkReturn({ ...base, ...change }, carried).map((p) => p.field)).toEqual(fields);
  });

  it('says which figures disagree and by how much', () => {
    const [problem] = checkReturn({ ...base, childrenSupported: 200 }, lastYear);
    expect(problem.problem).toBe('is 200, more than the 120 referrals accepted this year plus the 60 children supported in 2024/25 (180): check both figures');
  });
});
