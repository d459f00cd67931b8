// What the approval routes answer with, as classes so the OpenAPI document is generated from them; the
// controllers return these types, so a view that stops matching fails the typecheck.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@npa/platform';
import { StaffCountChangeResponse } from '@npa/registry';
import type { ApplicationKind } from './application.entity';
import type { AwardState } from './rules/award.rules';
import type { CriterionKind } from './rules/criteria';
import { APPLICATION_STATES, type ApplicationAction, type ApplicationState } from './rules/machine';

const DAY = { format: 'date', example: '2026-04-01' } as const;
const TIME = { format: 'date-time', example: '2026-04-01T09:30:00.000Z' } as const;

/** Who did something. NPA staff also see the user's id; a setting sees the name and role only. */
export class UserRefResponse {
  /** The user's id: shown to NPA staff only. */
  id?: string | null;
  name: string | null;
  @ApiPropertyOptional({ enum: ROLES, nullable: true })
  role?: string | null;
}

export class EvidenceResponse {
  id: string;
  applicationId: string;
  /** The judged criterion the file was tagged to; null when it supports the application as a whole. */
  criterionId: string | null;
  fileName: string;
  /** The type read from the file's content, whatever its name says. */
  contentType: string;
  sizeBytes: number;
  sha256: string;
  @ApiProperty(TIME)
  uploadedAt: string;
}

/** A reviewer's working note on a criterion, seen by NPA staff only. */
export class RecommendationResponse {
  outcome: 'pass' | 'fail';
  note: string | null;
}

export class ApplicationCriterionResponse {
  /** @example SA-PRINCIPLES */
  id: string;
  /** computed criteria are read from the register; judged ones by a reviewer from the setting's statement and evidence. */
  kind: CriterionKind;
  level: 'essential' | 'desirable';
  title: string;
  /** The decided outcome, else the register's today for a computed criterion, else null. */
  outcome: 'pass' | 'fail' | 'not_applicable' | null;
  explanation: string;
  /** The reviewer's reason, once decided. */
  reason: string | null;
  /** The setting's statement (judged criteria). */
  statement: string | null;
  /** The evidence files shown beside this criterion: those that support it. */
  evidenceIds: string[];
  /** Always null for a setting. */
  recommendation: RecommendationResponse | null;
  /** The people, dates and counts the register's evaluation used (computed criteria). */
  facts: Record<string, unknown> | null;
  /** A renewal's statement copied from last year and not yet confirmed by the setting (submitting needs it confirmed or edited). */
  carriedOver: boolean;
  /** Last year's evidence on file that supports this criterion (see `evidenceOnFile`). */
  evidenceOnFileIds: string[];
  /** Last year's statement, outcome and reason for this judged criterion (a renewal), else null. */
  previous: PreviousCriterionResponse | null;
}

/** What last year's application said and was decided on one criterion. */
export class PreviousCriterionResponse {
  statement: string | null;
  outcome: 'pass' | 'fail' | null;
  reason: string | null;
}

/** The award last year's application won. */
export class PreviousAwardResponse {
  @ApiProperty(DAY)
  startsOn: string;
  @ApiProperty(DAY)
  expiresOn: string;
}

/** The application that won the setting's latest award, which a renewal starts from. */
export class PreviousApplicationResponse {
  id: string;
  kind: ApplicationKind;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  decidedAt: string | null;
  award: PreviousAwardResponse | null;
}

export class ApplicationEventResponse {
  @ApiProperty(TIME)
  at: string;
  /** @example submitted */
  action: string;
  /** The application's state before the step (null when it was opened). */
  fromState: string | null;
  /** The application's state after the step. */
  toState: string | null;
  message: string | null;
  by: UserRefResponse;
}

export class ApplicationResponse {
  id: string;
  settingId: string;
  settingName: string | null;
  state: ApplicationState;
  kind: ApplicationKind;
  /** Rises with every step: two reviewers deciding at once get a conflict, not two decisions. */
  version: number;
  /** The award this application renews (kind renewal). */
  renewsAwardId: string | null;
  reviewer: UserRefResponse | null;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  submittedAt: string | null;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  decidedAt: string | null;
  @ApiProperty(TIME)
  createdAt: string;
  /** The steps the application's state allows next (whoever may take them). */
  nextSteps: ApplicationAction[];
  /** Every criterion of the Stamp of Approval, once each. */
  criteria: ApplicationCriterionResponse[];
  evidence: EvidenceResponse[];
  /** Last year's evidence, on file for a renewal: referenced, not copied; it supports its criteria like an upload. */
  evidenceOnFile: EvidenceResponse[];
  /** The application a renewal started from, else null. */
  previousApplication: PreviousApplicationResponse | null;
  /** NPA staff only (null for a setting): changes to the staff count the setting declares, which sets SA-TRAINED's bar. */
  staffCountChanges: StaffCountChangeResponse[] | null;
  history: ApplicationEventResponse[];
}

export class DecisionResponse extends ApplicationResponse {
  /** The award an approval made; null for a rejection. */
  awardId: string | null;
}

/** One of a setting's applications, latest first. */
export class ApplicationSummaryResponse {
  id: string;
  settingId: string;
  kind: ApplicationKind;
  state: ApplicationState;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  submittedAt: string | null;
  @ApiProperty({ ...TIME, type: String, nullable: true })
  decidedAt: string | null;
  @ApiProperty(TIME)
  createdAt: string;
}

export class AwardRenewalResponse {
  @ApiProperty(DAY)
  awardedOn: string;
  @ApiProperty(DAY)
  startsOn: string;
  @ApiProperty(DAY)
  expiresOn: string;
}

export class FailingCriterionResponse {
  /** @example SA-OFSTED */
  id: string;
  explanation: string;
}

export class AwardAtRiskResponse {
  /** The first day of the current run of failing criteria. */
  @ApiProperty(DAY)
  since: string;
  @ApiProperty(DAY)
  mustPutRightBy: string;
  overdue: boolean;
  failing: FailingCriterionResponse[];
}

export class AwardStatusResponse {
  settingId: string;
  /** The version of the rule thresholds the at-risk check used. */
  parameterVersion: number;
  @ApiProperty(DAY)
  asOf: string;
  state: AwardState;
  awardId: string | null;
  @ApiProperty({ ...DAY, type: String, nullable: true })
  awardedOn: string | null;
  @ApiProperty({ ...DAY, type: String, nullable: true })
  startsOn: string | null;
  @ApiProperty({ ...DAY, type: String, nullable: true })
  expiresOn: string | null;
  /** An approved renewal that starts when this award ends. */
  renewal: AwardRenewalResponse | null;
  /** While at risk: since when, what fails, and the day by which it must be put right. */
  atRisk: AwardAtRiskResponse | null;
}

export class QueueReviewerResponse {
  id: string;
  name: string | null;
}

export class ReviewQueueItemResponse {
  id: string;
  settingId: string;
  settingName?: string;
  @ApiProperty({ enum: ['new', 'renewal'] })
  kind: string;
  @ApiProperty({ enum: APPLICATION_STATES })
  state: string;
  @ApiProperty(TIME)
  submittedAt: string;
  /** Days since submission, in the NPA's time zone. */
  daysWaiting: number;
  reviewer: QueueReviewerResponse | null;
}

export class ReviewQueueResponse {
  items: ReviewQueueItemResponse[];
  page: number;
  pageSize: number;
  total: number;
}

/** A setting holding the Stamp of Approval today: nothing else about it is public. */
export class ApprovedSettingResponse {
  name: string;
  /** @example nursery */
  kind: string;
  localArea: string | null;
  @ApiProperty(DAY)
  awardedOn: string;
  @ApiProperty(DAY)
  expiresOn: string;
}

export class ApprovedSettingsResponse {
  @ApiProperty(DAY)
  asOf: string;
  items: ApprovedSettingResponse[];
  page: number;
  pageSize: number;
  total: number;
}

export class ApprovedSettingCheckResponse extends ApprovedSettingResponse {
  /** Always true: a setting without an award today answers 404, as an unknown URN does. */
  approved: boolean;
  @ApiProperty(DAY)
  asOf: string;
}
