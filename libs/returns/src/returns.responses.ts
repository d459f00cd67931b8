// What the annual-return and snapshot routes answer with, as classes so the OpenAPI document is generated
// from them; the controllers return these types, so an answer that stops matching fails the typecheck.
import { ApiProperty } from '@nestjs/swagger';
import { REGIONS } from './local-authorities';
import type { ReturnState } from './returns.views';
import type { AgeRange, FundingSource } from './rules/figures';

const DAY = { format: 'date', example: '2026-04-01' } as const;
const TIME = { format: 'date-time', example: '2026-04-01T09:30:00.000Z' } as const;

/** A reporting year, 1 April to 31 March, named by the calendar year it starts in. */
export class ReportingYearResponse {
  /** @example 2025 */
  startYear: number;
  /** As the NPA writes it. */
  @ApiProperty({ example: '2025/26' })
  label: string;
  /** For paths and file names. */
  @ApiProperty({ example: '2025-26' })
  slug: string;
  @ApiProperty({ ...DAY, example: '2025-04-01' })
  startsOn: string;
  @ApiProperty({ ...DAY, example: '2026-03-31' })
  endsOn: string;
  /** The first day a return for the year can be filed: the day after it ends. */
  @ApiProperty({ ...DAY, example: '2026-04-01' })
  opensOn: string;
}

export class ReturnYearSettingsResponse extends ReportingYearResponse {
  /** The day returns are due (the NPA sets it; by default 90 days after the year ends). */
  @ApiProperty(DAY)
  dueOn: string;
  /** A closed year's returns can no longer be filed or corrected. */
  closed: boolean;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  closedAt: string | null;
}

export class FilingCountsResponse {
  /** Services expected to file (registered by the end of the year). */
  expected: number;
  /** Returns in, late ones included. */
  filed: number;
  filedLate: number;
  notFiled: number;
}

export class ReturnYearResponse extends ReturnYearSettingsResponse {
  counts: FilingCountsResponse;
}

export class FilingLineResponse {
  serviceId: string;
  serviceName: string;
  registrationNumber: string;
  localAuthority: string;
  region: string;
  state: ReturnState;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  filedAt: string | null;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  updatedAt: string | null;
  /** 0 before the first filing; each correction adds one. */
  revision: number;
}

export class FilingStatusResponse {
  year: ReturnYearSettingsResponse;
  /** Over every service expected to file, whatever the filter. */
  counts: FilingCountsResponse;
  /** The services the query selects. */
  services: FilingLineResponse[];
}

/** What a service reports for a year: counts and money only, never a child's details. */
export class ReturnFiguresResponse {
  referralsAccepted: number;
  childrenSupported: number;
  /** Children waiting at the end of the year. */
  waitingList: number;
  ageRange: AgeRange;
  fundingSource: FundingSource;
  /** Whether the budget was cut in the last 12 months. */
  budgetCut: boolean;
  /** Full-time equivalent team size, at most two decimal places. */
  teamFte: number;
  /** Whole pounds a year. */
  annualCost: number;
}

export class LastYearReturnResponse {
  year: ReportingYearResponse;
  figures: ReturnFiguresResponse;
}

export class ReturnRevisionResponse {
  revision: number;
  filedByName: string;
  @ApiProperty(TIME)
  filedAt: string;
  figures: ReturnFiguresResponse;
}

export class ReturnResponse {
  serviceId: string;
  serviceName: string;
  year: ReturnYearSettingsResponse;
  state: ReturnState;
  /** False once the year is closed, before it has ended, or for a service registered after it. */
  canFile: boolean;
  /** When it cannot be filed, why, in the words a filing would be refused with. */
  blockedBecause: string | null;
  /** null until filed. */
  figures: ReturnFiguresResponse | null;
  revision: number;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  filedAt: string | null;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  updatedAt: string | null;
  /** Last year's return, to compare with. */
  lastYear: LastYearReturnResponse | null;
  /** Every filing and correction, latest first. */
  history: ReturnRevisionResponse[];
}

export class LocalAuthorityResponse {
  /** The ONS code. */
  @ApiProperty({ example: 'E06000065' })
  code: string;
  name: string;
  @ApiProperty({ enum: REGIONS })
  region: string;
  /** @example unitary */
  kind: string;
  @ApiProperty({ ...DAY, type: String, nullable: true })
  startedOn: string | null;
  /** The last day it existed (it merged or was abolished). */
  @ApiProperty({ ...DAY, type: String, nullable: true })
  endedOn: string | null;
}

export class LocalAuthoritiesResponse {
  items: LocalAuthorityResponse[];
  total: number;
  /** Those that have not ended. */
  current: number;
}

export class ShareResponse {
  count: number;
  of: number;
  /** Whole per cent; null when there is nothing to take a share of. */
  percent: number | null;
}

export class FundingSharesResponse {
  local_authority: ShareResponse;
  charity: ShareResponse;
  independent: ShareResponse;
}

export class AgeRangeSharesResponse {
  '0-3': ShareResponse;
  '0-4': ShareResponse;
  '0-5': ShareResponse;
}

export class YearFiguresResponse {
  registeredServices: number;
  returnsFiled: number;
  returnsMissing: number;
  authoritiesCovered: ShareResponse;
  withWaitingList: ShareResponse;
  childrenWaiting: number;
  /** Services by main funding source. */
  funding: FundingSharesResponse;
  withBudgetCut: ShareResponse;
  referralsAccepted: number;
  childrenSupported: number;
  /** Services by age range served. */
  ageRanges: AgeRangeSharesResponse;
  /** Pounds; null when no return is in. */
  averageCostPerService: number | null;
  /** Pounds; null when no return is in. */
  costPerChild: number | null;
  averageTeamFte: number | null;
}

export class PreviousYearFiguresResponse extends YearFiguresResponse {
  year: ReportingYearResponse;
  provisional: boolean;
}

export class FigureChangeResponse {
  previous: number | null;
  current: number | null;
  /** current - previous. */
  difference: number | null;
  /** Whole per cent of the previous figure. */
  percent: number | null;
}

/** The figures compared with the year before. */
export class FigureChangesResponse {
  registeredServices: FigureChangeResponse;
  referralsAccepted: FigureChangeResponse;
  childrenSupported: FigureChangeResponse;
  costPerChild: FigureChangeResponse;
  averageCostPerService: FigureChangeResponse;
  averageTeamFte: FigureChangeResponse;
}

export class RegionLineResponse {
  region: string;
  authorities: number;
  authoritiesCovered: number;
  services: number;
}

export class SnapshotServiceResponse {
  id: string;
  name: string;
}

/** One figure in words, as the page, the CSV and the PDF report print it. */
export class SnapshotLineResponse {
  /** @example funding.charity */
  key: string;
  label: string;
  /** As printed: "32%", "14,000", "£2,400", "4.5 FTE". */
  value: string;
  /** The plain number behind the value, for the CSV; null when there is none. */
  number: number | null;
  /** For shares: "101 of 317 local authorities". */
  detail?: string;
  share?: ShareResponse;
  previous?: string;
  change?: string;
}

export class SnapshotResponse extends YearFiguresResponse {
  year: ReportingYearResponse;
  /** True while the year is open: returns may still arrive or change. */
  provisional: boolean;
  /** Services whose return is missing. */
  missing: SnapshotServiceResponse[];
  regions: RegionLineResponse[];
  regionsWithoutService: string[];
  /** Services whose local authority is not in the reference table: the office should correct them. */
  unmatched: SnapshotServiceResponse[];
  /** Services that filed both years and accepted significantly more referrals. */
  referralsRoseSignificantly: ShareResponse;
  previous: PreviousYearFiguresResponse | null;
  changes: FigureChangesResponse;
  lines: SnapshotLineResponse[];
}

export class SnapshotReportRequestedResponse {
  id: string;
  /** The PDF's letter: /letters/{letterId}.pdf once the worker has composed it. */
  letterId: string;
  provisional: boolean;
}

export class SnapshotReportResponse {
  id: string;
  provisional: boolean;
  @ApiProperty(TIME)
  createdAt: string;
  createdByName: string | null;
  letterId: string | null;
  /** Whether the worker has composed the PDF. */
  ready: boolean;
  /** @example /letters/3f1c0f8e-8a57-4a39-9a53-0c3b2f7f6c11.pdf */
  pdf: string | null;
}
