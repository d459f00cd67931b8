// The national snapshot of a reporting year, from the register and the returns filed for it. Every
// share says what it is a share of: returns filed (a service with no return is missing, never zero),
// services registered, or local authorities in the reference table.
import { AGE_RANGES, FUNDING_SOURCES, type AgeRange, type FundingSource, type ReturnFigures } from './figures';
import type { ReportingYear } from './reporting-year';

export interface SnapshotService {
  id: string;
  name: string;
  /** The local authority it was matched to in the reference table, if any. */
  authorityCode: string | null;
  /** The matched authority's region, else the region written on the register. */
  region: string;
}

export interface SnapshotAuthority {
  code: string;
  name: string;
  region: string;
  kind?: string;
}

export interface YearInput {
  year: ReportingYear;
  closed: boolean;
  /** Services registered by the end of the year. */
  services: SnapshotService[];
  /** Returns of those services, by service id. */
  returns: Map<string, ReturnFigures>;
}

export interface Share {
  count: number;
  of: number;
  /** Whole per cent; null when there is nothing to take a share of. */
  percent: number | null;
}

export interface RegionLine {
  region: string;
  authorities: number;
  authoritiesCovered: number;
  services: number;
}

export interface YearFigures {
  registeredServices: number;
  returnsFiled: number;
  returnsMissing: number;
  authoritiesCovered: Share;
  withWaitingList: Share;
  childrenWaiting: number;
  funding: Record<FundingSource, Share>;
  withBudgetCut: Share;
  referralsAccepted: number;
  childrenSupported: number;
  ageRanges: Record<AgeRange, Share>;
  averageCostPerService: number | null;
  costPerChild: number | null;
  averageTeamFte: number | null;
}

export interface Change {
  previous: number | null;
  current: number | null;
  /** current - previous. */
  difference: number | null;
  /** Whole per cent of the previous figure. */
  percent: number | null;
}

export interface Snapshot extends YearFigures {
  year: ReportingYear;
  provisional: boolean;
  missing: { id: string; name: string }[];
  regions: RegionLine[];
  regionsWithoutService: string[];
  /** Services whose local authority is not in the reference table: the office should correct them. */
  unmatched: { id: string; name: string }[];
  /** Services that filed both years and accepted at least `SIGNIFICANT_RISE` more referrals. */
  referralsRoseSignificantly: Share;
  previous: (YearFigures & { year: ReportingYear; provisional: boolean }) | null;
  changes: Record<(typeof COMPARED)[number], Change>;
}

/** A rise in referrals of this share or more on the year before counts as significant. */
export const SIGNIFICANT_RISE = 0.1;

const COMPARED = ['registeredServices', 'referralsAccepted', 'childrenSupported', 'costPerChild', 'averageCostPerService', 'averageTeamFte'] as const;

export const share = (count: number, of: number): Share => ({ count, of, percent: of === 0 ? null : Math.round((count / of) * 100) });

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const round1 = (n: number) => Math.round(n * 10) / 10;

export function yearFigures(input: YearInput, authorities: SnapshotAuthority[]): YearFigures {
  const filed = input.services.map((s) => input.returns.get(s.id)).filter((r): r is ReturnFigures => r !== undefined);
  const n = filed.length;
  const known = new Set(authorities.map((a) => a.code));
  const covered = new Set(input.services.map((s) => s.authorityCode).filter((c): c is string => c !== null && known.has(c)));
  const cost = sum(filed.map((r) => r.annualCost));
  const children = sum(filed.map((r) => r.childrenSupported));
  return {
    registeredServices: input.services.length,
    returnsFiled: n,
    returnsMissing: input.services.length - n,
    authoritiesCovered: share(covered.size, authorities.length),
    withWaitingList: share(filed.filter((r) => r.waitingList > 0).length, n),
    childrenWaiting: sum(filed.map((r) => r.waitingList)),
    funding: Object.fromEntries(FUNDING_SOURCES.map((f) => [f, share(filed.filter((r) => r.fundingSource === f).length, n)])) as Record<FundingSource, Share>,
    withBudgetCut: share(filed.filter((r) => r.budgetCut).length, n),
    referralsAccepted: sum(filed.map((r) => r.referralsAccepted)),
    childrenSupported: children,
    ageRanges: Object.fromEntries(AGE_RANGES.map((a) => [a, share(filed.filter((r) => r.ageRange === a).length, n)])) as Record<AgeRange, Share>,
    averageCostPerService: n === 0 ? null : Math.round(cost / n),
    costPerChild: children === 0 ? null : Math.round(cost / children),
    averageTeamFte: n === 0 ? null : round1(sum(filed.map((r) => r.teamFte)) / n),
  };
}

function change(previous: number | null, current: number | null): Change {
  const difference = previous === null || current === null ? null : Math.round((current - previous) * 10) / 10;
  const percent = difference === null || !previous ? null : Math.round((difference / previous) * 100);
  return { previous, current, difference, percent };
}

export function buildSnapshot(current: YearInput, previous: YearInput | null, authorities: SnapshotAuthority[]): Snapshot {
  const figures = yearFigures(current, authorities);
  const before = previous ? { year: previous.year, provisional: !previous.closed, ...yearFigures(previous, authorities) } : null;
  const regions = regionLines(current.services, authorities);
  const bothYears = previous
    ? current.services.flatMap((s) => {
        const now = current.returns.get(s.id);
        const then = previous.returns.get(s.id);
        return now && then ? [{ now, then }] : [];
      })
    : [];
  return {
    year: current.year,
    provisional: !current.closed,
    ...figures,
    missing: current.services.filter((s) => !current.returns.has(s.id)).map(({ id, name }) => ({ id, name })),
    regions,
    regionsWithoutService: regions.filter((r) => r.services === 0).map((r) => r.region),
    unmatched: current.services.filter((s) => s.authorityCode === null).map(({ id, name }) => ({ id, name })),
    referralsRoseSignificantly: share(
      bothYears.filter(
        ({ now, then }) => now.referralsAccepted >= then.referralsAccepted * (1 + SIGNIFICANT_RISE) && now.referralsAccepted > then.referralsAccepted,
      ).length,
      bothYears.length,
    ),
    previous: before,
    changes: Object.fromEntries(COMPARED.map((key) => [key, change(before ? before[key] : null, figures[key])])) as Snapshot['changes'],
  };
}

/** One line per region of the reference table (and any other region a service is written under). */
function regionLines(services: SnapshotService[], authorities: SnapshotAuthority[]): RegionLine[] {
  const names = [...new Set([...authorities.map((a) => a.region), ...services.map((s) => s.region)])].sort((a, b) => a.localeCompare(b));
  return names.map((region) => {
    const inRegion = authorities.filter((a) => a.region === region);
    const here = services.filter((s) => s.region === region);
    const covered = new Set(here.map((s) => s.authorityCode).filter((c) => c !== null && inRegion.some((a) => a.code === c)));
    return { region, authorities: inRegion.length, authoritiesCovered: covered.size, services: here.length };
  });
}
