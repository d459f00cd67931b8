export type RuleOutcome = 'pass' | 'fail' | 'not_applicable';

/** Essential rules decide the status; desirable ones are reported and never decide. */
export type RuleLevel = 'essential' | 'desirable';

export interface RuleResult {
  id: string;
  level: RuleLevel;
  outcome: RuleOutcome;
  /** One or two sentences for a service manager; on failure, what to do. */
  explanation: string;
  /** The people, dates and counts that decided it, so the letter can list what is missing. */
  facts: Record<string, unknown>;
}

/** A person as results name them. */
export interface PersonRef {
  personId: string;
  name: string;
}

/** A rule as the Code states it; `title` is the Code's wording, shown beside the result. */
export interface RuleMeta {
  id: string;
  level: RuleLevel;
  title: string;
}

export function ruleResult(rule: RuleMeta, outcome: RuleOutcome, explanation: string, facts: Record<string, unknown>): RuleResult {
  return { id: rule.id, level: rule.level, outcome, explanation, facts };
}
