import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '@npa/platform';
import type { RuleParams } from './rules/params';

/** One rule of the Code (DOMAIN.md) as it stands for the subject on the date. */
export class RuleResultResponse {
  /** The rule's id in DOMAIN.md: `SR-SUPERVISION`. */
  id: string;
  /** Essential rules decide the status; desirable ones are reported and never decide. */
  level: 'essential' | 'desirable';
  outcome: 'pass' | 'fail' | 'not_applicable';
  /** One or two sentences for a service manager; on failure, what to do. */
  explanation: string;
  /** The people, dates and counts that decided it; their names depend on the rule. */
  facts: Record<string, unknown>;
}

export class ServiceComplianceResponse {
  serviceId: string;
  /** YYYY-MM-DD: the date the register was judged as of. */
  asOf: string;
  status: 'compliant' | 'non_compliant';
  /** The version of the rule parameters used. */
  parameterVersion: number;
  /** Every rule of DOMAIN.md for services, once each. */
  rules: RuleResultResponse[];
}

export class SettingComplianceResponse {
  settingId: string;
  /** YYYY-MM-DD. */
  asOf: string;
  status: 'compliant' | 'non_compliant';
  parameterVersion: number;
  rules: RuleResultResponse[];
}

/** A rule whose outcome changed; `from` is null for a rule not in the previous results. */
export class RuleChangeResponse {
  id: string;
  from: 'pass' | 'fail' | 'not_applicable' | null;
  to: 'pass' | 'fail' | 'not_applicable';
}

/** A recorded change of a subject's results (the daily sweep stores one when anything changed). */
export class ComplianceHistoryEntry {
  /** YYYY-MM-DD. */
  asOf: string;
  status: string;
  parameterVersion: number;
  changedRules: RuleChangeResponse[];
  /** ISO 8601. */
  recordedAt: string;
}

export class WhatIfResponse {
  serviceId: string;
  /** YYYY-MM-DD. */
  asOf: string;
  parameterVersion: number;
  /** The status the changes would give. */
  status: 'compliant' | 'non_compliant';
  /** The status without them. */
  statusNow: 'compliant' | 'non_compliant';
  changedRules: RuleChangeResponse[];
  rules: RuleResultResponse[];
}

export class ComplianceOverviewLine {
  serviceId: string;
  name: string;
  region: string;
  registrationNumber: string;
  status: 'compliant' | 'non_compliant';
  /** The ids of the essential rules it fails. */
  failing: string[];
}

export class ComplianceCounts {
  services: number;
  compliant: number;
  nonCompliant: number;
  /** Services failing each rule, by rule id. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  failingByRule: Record<string, number>;
}

export class ComplianceOverviewResponse extends PageResponse {
  /** YYYY-MM-DD. */
  asOf: string;
  parameterVersion: number;
  counts: ComplianceCounts;
  items: ComplianceOverviewLine[];
}

export class ComplianceLetterRequested {
  /** The letter asked for; it is composed and emailed by the worker. */
  letterId: string;
  kind: string;
  /** YYYY-MM-DD. */
  asOf: string;
  status: 'compliant' | 'non_compliant';
}

export class SnapshotRunResponse {
  /** YYYY-MM-DD. */
  asOf: string;
  services: number;
  settings: number;
  /** Subjects whose results changed. */
  changed: number;
  statusChanges: number;
  nonCompliant: number;
}

export class RuleParamSpecResponse {
  /** The parameter's name, a key of `params`. */
  name: string;
  label: string;
  type: 'integer' | 'number';
  min: number;
  max?: number;
}

const PARAMS = { type: 'object', additionalProperties: { type: 'number' }, description: 'Every rule parameter by name; `schema` describes each.' } as const;

export class ParameterHistoryEntry {
  version: number;
  @ApiProperty(PARAMS)
  params: RuleParams;
  /** ISO 8601. */
  createdAt: string;
  /** The user who set them; null for the defaults. */
  createdBy: string | null;
}

export class RuleParametersUpdated {
  version: number;
  @ApiProperty(PARAMS)
  params: RuleParams;
  @ApiProperty({ type: [RuleParamSpecResponse] })
  schema: readonly RuleParamSpecResponse[];
}

export class RuleParametersResponse extends RuleParametersUpdated {
  history: ParameterHistoryEntry[];
}
