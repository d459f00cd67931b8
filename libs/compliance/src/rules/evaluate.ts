import { isIsoDate, type IsoDate } from '@npa/platform';
import {
  SR_ACCREDITED_TRAINER,
  SR_CASELOAD,
  SR_LEVEL3,
  SR_NETWORKING,
  checkAccreditedTrainer,
  checkCaseload,
  checkLevel3,
  checkNetworking,
} from './desirable.rules';
import type { ServiceFacts, SettingFacts } from './facts';
import { SR_INDUCTION, checkInduction } from './induction.rules';
import { SR_MEMBERSHIP, checkMembership } from './membership.rules';
import type { RuleParams } from './params';
import type { RuleMeta, RuleResult } from './result';
import { SA_LEVEL3, SA_MEMBER, SA_OFSTED, SA_TRAINED, checkOfsted, checkSettingLevel3, checkSettingMember, checkSettingTrained } from './setting.rules';
import { SR_SUPERVISION, checkSupervision } from './supervision.rules';
import { SR_SUPERVISOR_TRAINED, SR_WORKSHOP, checkSupervisorTrained, checkWorkshop } from './workshop.rules';

type Check<F> = (facts: F, params: RuleParams, asOf: IsoDate) => RuleResult;

// In the order of the table in DOMAIN.md, which is the order letters list them.
const serviceChecks: [RuleMeta, Check<ServiceFacts>][] = [
  [SR_MEMBERSHIP, checkMembership],
  [SR_WORKSHOP, checkWorkshop],
  [SR_SUPERVISION, checkSupervision],
  [SR_SUPERVISOR_TRAINED, checkSupervisorTrained],
  [SR_INDUCTION, checkInduction],
  [SR_CASELOAD, checkCaseload],
  [SR_ACCREDITED_TRAINER, checkAccreditedTrainer],
  [SR_LEVEL3, checkLevel3],
  [SR_NETWORKING, checkNetworking],
];

const settingChecks: [RuleMeta, Check<SettingFacts>][] = [
  [SA_OFSTED, checkOfsted],
  [SA_TRAINED, checkSettingTrained],
  [SA_MEMBER, checkSettingMember],
  [SA_LEVEL3, checkSettingLevel3],
];

export const SERVICE_RULES: readonly RuleMeta[] = Object.freeze(serviceChecks.map(([rule]) => rule));

/** The Stamp of Approval criteria decided from facts; `evaluateSetting` returns one result for each. */
export const SETTING_RULES: readonly RuleMeta[] = Object.freeze(settingChecks.map(([rule]) => rule));

/** The criteria an NPA reviewer judges from the setting's statement and evidence; no rule decides them. */
export const JUDGED_SETTING_CRITERIA: readonly RuleMeta[] = Object.freeze([
  {
    id: 'SA-PRINCIPLES',
    level: 'essential',
    title: 'Portage Principles are applied within the setting and underpin all aspects of its work with children with SEND',
  },
  {
    id: 'SA-ASSESSMENT',
    level: 'essential',
    title: 'A broad range of assessment materials is used with parents and carers: a holistic approach to assessment',
  },
  { id: 'SA-REVIEWS', level: 'essential', title: "Children's plans and goals are reviewed with parents and carers at least three times per year" },
  { id: 'SA-RECORDS', level: 'essential', title: "Shared records are kept with the family to document their child's progress" },
]);

function run<F>(checks: [RuleMeta, Check<F>][], facts: F, params: RuleParams, asOf: IsoDate): RuleResult[] {
  if (!isIsoDate(asOf)) throw new RangeError(`asOf must be an ISO calendar date (YYYY-MM-DD): ${String(asOf)}`);
  return checks.map(([, check]) => check(facts, params, asOf));
}

export function evaluateService(facts: ServiceFacts, params: RuleParams, asOf: IsoDate): RuleResult[] {
  return run(serviceChecks, facts, params, asOf);
}

export function evaluateSetting(facts: SettingFacts, params: RuleParams, asOf: IsoDate): RuleResult[] {
  return run(settingChecks, facts, params, asOf);
}

export type ServiceStatus = 'compliant' | 'non_compliant';

/** Essential rules decide; a desirable failure is reported but never makes a service non-compliant. */
export function serviceStatus(results: readonly Pick<RuleResult, 'level' | 'outcome'>[]): ServiceStatus {
  return results.every((r) => r.level !== 'essential' || r.outcome !== 'fail') ? 'compliant' : 'non_compliant';
}
