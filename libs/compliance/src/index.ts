// The public door of @npa/compliance: other libs, apps and tests import only what is here.
export { AsOfQuery, OverviewQuery, WhatIfDto } from './compliance.dto';
export { checkSettingMember, checkSettingTrained } from './rules/setting.rules';
export { ComplianceLetters } from './compliance-letters';
export { ComplianceModule } from './compliance.module';
export { ComplianceService } from './compliance.service';
export { ComplianceSnapshot } from './compliance-snapshot.entity';
export { DEFAULT_RULE_PARAMS, ruleParamsSchema, type RuleParams, type RuleParamSpec } from './rules/params';
export { FactsLoader, SERVICE_QUERIES, SETTING_QUERIES } from './read-model/facts.read-model';
export { isActiveOn, isTrainedOn, membershipOn } from './rules/team';
export { JUDGED_SETTING_CRITERIA, SERVICE_RULES, SETTING_RULES } from './rules/evaluate';
export { type RuleMeta, type RuleResult } from './rules/result';
export { RuleParametersService, type ParameterSet } from './rule-parameters.service';
export { RuleParameterVersion } from './rule-parameters.entity';
export { type SettingFacts } from './rules/facts';
export { COMPLIANCE_PERSONAL_DATA } from './personal-data';
export { COMPLIANCE_VIEW_STATES } from './view-states';
export * from './compliance-letter-kinds';
