// A hand-computed fixture: five services, one without a return and one whose local authority is not in
// the reference table; every expected figure below was worked out on paper from these rows.
import type { ReturnFigures } from './figures';
import { reportingYear } from './reporting-year';
import { buildSnapshot, type SnapshotAuthority, type SnapshotService } from './snapshot';
import { snapshotLines } from './snapshot-lines';

const authorities: SnapshotAuthority[] = [
  { code: 'E08000035', name: 'Leeds', region: 'Yorkshire and The Humber' },
  { code: 'E10000016', name: 'Kent', region: 'South East' },
  { code: 'E09000007', name: 'Camden', region: 'London' },
  { code: 'E10000008', name: 'Devon', region: 'South West' },
  { code: 'E06000052', name: 'Cornwall', region: 'South West' },
  { code: 'E06000047', name: 'County Durham', region: 'North East' },
];

const service = (id: string, authorityCode: string | null, region: string): SnapshotService => ({ id, name: `Service ${id}`, authorityCode, region });
const A = service('A', 'E08000035', 'Yorkshire and The Humber');
const B = service('B', 'E10000016', 'South East');
const C = service('C', 'E09000007', 'London');
const D = service('D', 'E08000035', 'Yorkshire and The Humber');
const E = service('E', null, 'South West');

const figures = (
  referralsAccepted: number,
  childrenSupported: number,
  waitingList: number,
  ageRange: ReturnFigures['ageRange'],
  fundingSource: ReturnFigures['fundingSource'],
  budgetCut: boolean,
  teamFte: number,
  annualCost: number,
): ReturnFigures => ({
  referralsAccepted,
  childrenSupported,
  waitingList,
  ageRange,
  fundingSource,
  budgetCut,
  teamFte,
  annualCost,
});

const current = {
  year: reportingYear(2024),
  closed: false,
  services: [A, B, C, D, E],
  returns: new Map([
    ['A', figures(100, 120, 10, '0-5', 'local_authority', false, 4.0, 240_000)],
    ['B', figures(50, 40, 0, '0-3', 'charity', true, 2.5, 100_000)],
    ['C', figures(200, 210, 35, '0-5', 'local_authority', false, 6.2, 500_000)],
    ['E', figures(30, 30, 5, '0-4', 'independent', false, 1.0, 60_000)],
  ]),
};

const previous = {
  year: reportingYear(2023),
  closed: true,
  services: [A, B, C],
  returns: new Map([
    ['A', figures(80, 100, 8, '0-5', 'local_authority', false, 4.0, 220_000)],
    ['B', figures(50, 45, 3, '0-3', 'charity', false, 2.5, 100_000)],
  ]),
};

describe('buildSnapshot on the hand-computed fixture', () => {
  const snapshot = buildSnapshot(current, previous, authorities);

  it('counts registered services, returns filed, and the missing one as missing', () => {
    expect(snapshot).toMatchObject({ registeredServices: 5, returnsFiled: 4, returnsMissing: 1, provisional: true });
    expect(snapshot.missing).toEqual([{ id: 'D', name: 'Service D' }]);
  });

  it('takes shares of returns filed, never counting a missing return as zero', () => {
    expect(snapshot.withWaitingList).toEqual({ count: 3, of: 4, percent: 75 });
    expect(snapshot.childrenWaiting).toBe(50);
    expect(snapshot.funding).toEqual({
      local_authority: { count: 2, of: 4, percent: 50 },
      charity: { count: 1, of: 4, percent: 25 },
      independent: { count: 1, of: 4, percent: 25 },
    });
    expect(snapshot.withBudgetCut).toEqual({ count: 1, of: 4, percent: 25 });
    expect(snapshot.ageRanges).toEqual({
      '0-3': { count: 1, of: 4, percent: 25 },
      '0-4': { count: 1, of: 4, percent: 25 },
      '0-5': { count: 2, of: 4, percent: 50 },
    });
  });

  it('adds up referrals, children, costs and team sizes', () => {
    expect(snapshot).toMatchObject({
      referralsAccepted: 380,
      childrenSupported: 400,
      averageCostPerService: 225_000,
      costPerChild: 2_250,
      averageTeamFte: 3.4,
    });
  });

  it('counts local authorities covered once each, against the reference table', () => {
    expect(snapshot.authoritiesCovered).toEqual({ count: 3, of: 6, percent: 50 });
    expect(snapshot.unmatched).toEqual([{ id: 'E', name: 'Service E' }]);
  });

  it('lists every region with its authorities and services, and those without a service', () => {
    expect(snapshot.regions).toEqual([
      { region: 'London', authorities: 1, authoritiesCovered: 1, services: 1 },
      { region: 'North East', authorities: 1, authoritiesCovered: 0, services: 0 },
      { region: 'South East', authorities: 1, authoritiesCovered: 1, services: 1 },
      { region: 'South West', authorities: 2, authoritiesCovered: 0, services: 1 },
      { region: 'Yorkshire and The Humber', authorities: 1, authoritiesCovered: 1, services: 2 },
    ]);
    expect(snapshot.regionsWithoutService).toEqual(['North East']);
  });

  it('compares with the year before', () => {
    expect(snapshot.previous).toMatchObject({
      registeredServices: 3,
      returnsFiled: 2,
      referralsAccepted: 130,
      childrenSupported: 145,
      costPerChild: 2_207,
      averageCostPerService: 160_000,
      averageTeamFte: 3.3,
      provisional: false,
    });
    expect(snapshot.changes.registeredServices).toEqual({ previous: 3, current: 5, difference: 2, percent: 67 });
    expect(snapshot.changes.referralsAccepted).toEqual({ previous: 130, current: 380, difference: 250, percent: 192 });
    expect(snapshot.changes.costPerChild).toEqual({ previous: 2_207, current: 2_250, difference: 43, percent: 2 });
    expect(snapshot.changes.averageTeamFte).toEqual({ previous: 3.3, current: 3.4, difference: 0.1, percent: 3 });
    // A rose 80 -> 100 (+25%); B stayed at 50; C and E did not file both years.
    expect(snapshot.referralsRoseSignificantly).toEqual({ count: 1, of: 2, percent: 50 });
  });

  it('has no comparison and no shares when there is nothing to compare or share', () => {
    const empty = buildSnapshot({ year: reportingYear(2030), closed: true, services: [A], returns: new Map() }, null, authorities);
    expect(empty).toMatchObject({
      returnsFiled: 0,
      returnsMissing: 1,
      averageCostPerService: null,
      costPerChild: null,
      averageTeamFte: null,
      previous: null,
      provisional: false,
    });
    expect(empty.withWaitingList).toEqual({ count: 0, of: 0, percent: null });
    expect(empty.changes.referralsAccepted).toEqual({ previous: null, current: 0, difference: null, percent: null });
  });
});

describe('snapshotLines', () => {
  const lines = new Map(snapshotLines(buildSnapshot(current, previous, authorities)).map((l) => [l.key, l]));

  it.each([
    ['registeredServices', '5', '3', '+2 (+67%)'],
    ['authoritiesCovered', '50%', '50%', '±0 points'],
    ['withWaitingList', '75%', '100%', '−25 points'],
    ['withBudgetCut', '25%', '0%', '+25 points'],
    ['referralsRoseSignificantly', '50%', undefined, undefined],
    ['referralsAccepted', '380', '130', '+250 (+192%)'],
    ['costPerChild', '£2,250', '£2,207', '+£43 (+2%)'],
    ['averageCostPerService', '£225,000', '£160,000', '+£65,000 (+41%)'],
    ['averageTeamFte', '3.4 FTE', '3.3 FTE', '+0.1 (+3%)'],
    ['regionsWithoutService', 'North East', undefined, undefined],
  ])('%s reads %s (before: %s, change %s)', (key, value, before, change) => {
    const line = lines.get(key);
    expect([line?.value, line?.previous, line?.change]).toEqual([value, before, change]);
  });

  it('says how many returns are missing and what a share is of', () => {
    expect(lines.get('returnsFiled')).toMatchObject({ value: '4 of 5', detail: '1 missing, counted as missing, not as zero' });
    expect(lines.get('funding.local_authority')).toMatchObject({ value: '50%', detail: '2 of 4 returns filed' });
  });
});
